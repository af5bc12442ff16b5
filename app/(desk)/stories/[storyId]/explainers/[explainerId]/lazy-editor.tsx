"use client";
import dynamic from "next/dynamic";

/**
 * The editor (Tiptap, ProseMirror, the panels) loads as its own chunk after the page shell, and
 * only in the browser: it needs the DOM and localStorage, and the page paints without waiting.
 */
export const LazyExplainerEditor = dynamic(() => import("@/components/explainers/explainer-editor").then((module) => module.ExplainerEditor), {
  ssr: false,
  loading: () => (
    <div className="grid gap-4 lg:grid-cols-[minmax(0,1fr)_22rem]" aria-busy="true" aria-label="Loading the editor">
      <div className="h-[32rem] animate-pulse rounded-lg border border-line bg-white" />
      <div className="h-[32rem] animate-pulse rounded-lg border border-line bg-white" />
    </div>
  ),
});
