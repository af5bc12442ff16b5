import type { ClaimStatus } from "@/lib/generated/prisma/enums";

/**
 * How a status looks in running text. Colour is never the only signal: each status also has
 * its own underline style and a marker symbol, and the marker's accessible name says the status.
 */
export const STATUS_STYLE: Record<ClaimStatus, { highlight: string; marker: string }> = {
  UNVERIFIED: { highlight: "bg-slate-200/80 decoration-slate-500 [text-decoration-style:dotted]", marker: "?" },
  IN_PROGRESS: { highlight: "bg-blue-100 decoration-blue-600 [text-decoration-style:dashed]", marker: "…" },
  VERIFIED: { highlight: "bg-green-100 decoration-green-700 [text-decoration-style:solid]", marker: "✓" },
  DISPUTED: { highlight: "bg-amber-100 decoration-amber-600 [text-decoration-style:wavy]", marker: "!" },
  FALSE: { highlight: "bg-red-100 decoration-red-700 [text-decoration-style:double]", marker: "✗" },
  UNVERIFIABLE: { highlight: "bg-zinc-200 decoration-zinc-500 [text-decoration-style:dotted]", marker: "–" },
};
