import "server-only";
import { notFound } from "next/navigation";
import { isDomainError } from "@/lib/errors/domain-errors";

/** Runs a page's domain read; a not-found (or forbidden) domain error renders the 404 page. */
export async function orNotFound<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (isDomainError(error) && (error.kind === "not_found" || error.kind === "forbidden")) notFound();
    throw error;
  }
}
