"use client";
import { createContext, useContext } from "react";
import type { CitationTarget } from "@/lib/explainers/citation-targets";

/** The story's citable claims and facts by citationKey, for chips rendered inside the editor. */
export const CitationTargetsContext = createContext<ReadonlyMap<string, CitationTarget>>(new Map());

export function useCitationTarget(key: string): CitationTarget | undefined {
  return useContext(CitationTargetsContext).get(key);
}
