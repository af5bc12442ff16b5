import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AuditTable } from "@/components/audit/audit-table";
import { buttonClasses } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/states";
import { listAuditActions, listDeskAudit } from "@/lib/audit/list-audit-events";
import { requireActorForPage } from "@/lib/auth/current-actor";
import { can } from "@/lib/auth/permissions";
import { listPeople } from "@/lib/people/list-people";

export const metadata: Metadata = { title: "Audit log" };

const control = "h-9 max-w-full rounded-md border border-line bg-white px-2 text-sm";

export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActorForPage();
  if (!can(actor.role, "audit.read_all")) notFound();
  const raw = await searchParams;
  const [{ events, nextCursor, query }, actions, people] = await Promise.all([
    listDeskAudit(actor, raw),
    listAuditActions(actor),
    listPeople(actor),
  ]);
  const filterParams = new URLSearchParams(
    Object.entries({ actorId: query.actorId, action: query.action, from: query.from, to: query.to }).filter(
      (entry): entry is [string, string] => typeof entry[1] === "string",
    ),
  );
  return (
    <>
      <PageHeader title="Audit log" description="Every change on the desk: who, what, when, before and after." />
      <form className="mb-4 flex flex-wrap items-end gap-3 rounded-lg border border-line bg-white p-3" action="/audit">
        <div className="flex min-w-0 max-w-full flex-col gap-1">
          <label htmlFor="audit-person" className="text-xs font-medium text-muted">
            Person
          </label>
          <select id="audit-person" name="actorId" defaultValue={query.actorId ?? ""} className={control}>
            <option value="">Anyone</option>
            {people.map((person) => (
              <option key={person.id} value={person.id}>
                {person.name}
              </option>
            ))}
          </select>
        </div>
        <div className="flex min-w-0 max-w-full flex-col gap-1">
          <label htmlFor="audit-action" className="text-xs font-medium text-muted">
            Action
          </label>
          <select id="audit-action" name="action" defaultValue={query.action ?? ""} className={control}>
            <option value="">Any action</option>
            {actions.map(({ action, label }) => (
              <option key={action} value={action}>
                {label} ({action})
              </option>
            ))}
          </select>
        </div>
        <div className="flex min-w-0 max-w-full flex-col gap-1">
          <label htmlFor="audit-from" className="text-xs font-medium text-muted">
            From (UTC day)
          </label>
          <input id="audit-from" type="date" name="from" defaultValue={query.from} className={control} />
        </div>
        <div className="flex min-w-0 max-w-full flex-col gap-1">
          <label htmlFor="audit-to" className="text-xs font-medium text-muted">
            To (UTC day)
          </label>
          <input id="audit-to" type="date" name="to" defaultValue={query.to} className={control} />
        </div>
        <button type="submit" className={buttonClasses("primary")}>
          Filter
        </button>
        {filterParams.size > 0 ? (
          <Link href="/audit" className={buttonClasses("ghost")}>
            Clear
          </Link>
        ) : null}
      </form>
      <AuditTable events={events} showStory caption="Desk audit log, newest first" />
      <div className="mt-4 flex gap-2">
        {query.cursor ? (
          <Link className={buttonClasses("secondary", "sm")} href={`/audit?${filterParams}`}>
            Newest
          </Link>
        ) : null}
        {nextCursor ? (
          <Link className={buttonClasses("secondary", "sm")} href={`/audit?${new URLSearchParams([...filterParams, ["cursor", nextCursor]])}`}>
            Older
          </Link>
        ) : null}
      </div>
    </>
  );
}
