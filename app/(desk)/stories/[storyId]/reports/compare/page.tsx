import type { Metadata } from "next";
import Link from "next/link";
import { Timestamp } from "@/components/ui/relative-time";
import { requireActorForPage } from "@/lib/auth/current-actor";
import { orNotFound } from "@/lib/http/page-data";
import { getReport, type ReportView } from "@/lib/reports/get-report";

export const metadata: Metadata = { title: "Compare reports" };

function Column({ report, storyId }: { report: ReportView; storyId: string }) {
  return (
    <article className="min-w-0 rounded-lg border border-line bg-white p-5" aria-label={`${report.source ?? "Unknown source"}: ${report.shown.headline}`}>
      <p className="text-sm font-medium text-accent">{report.source ?? "Unknown source"}</p>
      <h2 className="font-serif text-xl leading-snug font-bold">
        <Link href={`/stories/${storyId}/reports/${report.id}`} className="hover:underline">
          {report.shown.headline}
        </Link>
      </h2>
      <p className="mt-1 text-xs text-muted">
        {[report.shown.byline, report.shown.dateline].filter(Boolean).join(" · ")}
        {report.shown.publishedAt ? (
          <>
            {" · "}
            <Timestamp value={report.shown.publishedAt} />
          </>
        ) : null}
        {report.currentVersion > 1 ? ` · version ${report.shown.version}` : ""}
      </p>
      <div className="mt-4 space-y-3 font-serif leading-relaxed">
        {report.shown.bodyText.split("\n\n").map((paragraph, index) => (
          <p key={index}>{paragraph}</p>
        ))}
      </div>
    </article>
  );
}

export default async function CompareReportsPage({
  params,
  searchParams,
}: {
  params: Promise<{ storyId: string }>;
  searchParams: Promise<{ a?: string; b?: string }>;
}) {
  const actor = await requireActorForPage();
  const { storyId } = await params;
  const { a = "", b = "" } = await searchParams;
  const [left, right] = await orNotFound(() => Promise.all([getReport(actor, storyId, a), getReport(actor, storyId, b)]));
  return (
    <div>
      <p className="mb-3 text-sm text-muted">
        Side by side, latest versions. <Link className="underline" href={`/stories/${storyId}/reports`}>Back to reports</Link>
      </p>
      <div className="grid gap-4 lg:grid-cols-2">
        <Column report={left} storyId={storyId} />
        <Column report={right} storyId={storyId} />
      </div>
    </div>
  );
}
