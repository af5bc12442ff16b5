"use client";
import { useRouter } from "next/navigation";
import { useEffect } from "react";

/**
 * The Facts tab's progress line. While reports are still being analysed in the background it
 * says how far the workers have got and refreshes the page every two seconds, so facts appear
 * without a reload; it stops refreshing once the queue is done.
 */
export function AnalysisProgress({ reports, pending, reanalysing }: { reports: number; pending: number; reanalysing: boolean }) {
  const router = useRouter();
  const busy = pending > 0 || reanalysing;
  useEffect(() => {
    if (!busy) return;
    const timer = setInterval(() => router.refresh(), 2000);
    return () => clearInterval(timer);
  }, [busy, router]);
  if (!busy) return null;
  const done = reports - pending;
  return (
    <p role="status" aria-live="polite" className="flex items-center gap-2 rounded-md border border-blue-200 bg-blue-50 px-3 py-2 text-sm text-blue-900">
      <span className="size-3 animate-spin rounded-full border-2 border-current border-t-transparent" aria-hidden />
      {reanalysing ? "Re-analysing the story's facts…" : `Analysing reports: ${done} of ${reports} done, ${pending} to go. Facts update as they finish.`}
    </p>
  );
}
