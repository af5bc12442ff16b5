import Link from "next/link";
import { EmptyState } from "@/components/ui/states";
import { Table, Td, Th } from "@/components/ui/table";
import { Timestamp } from "@/components/ui/relative-time";
import type { AuditEventRow } from "@/lib/audit/list-audit-events";

function Change({ value }: { value: unknown }) {
  if (value === null || value === undefined) return <span className="text-muted">—</span>;
  if (typeof value !== "object") return <code className="font-mono text-xs">{String(value)}</code>;
  const entries = Object.entries(value as Record<string, unknown>);
  return (
    <dl className="grid grid-cols-[auto_1fr] gap-x-2 text-xs">
      {entries.map(([key, entry]) => (
        <div key={key} className="contents">
          <dt className="text-muted">{key}</dt>
          <dd className="font-mono break-all">{typeof entry === "string" ? entry : JSON.stringify(entry)}</dd>
        </div>
      ))}
    </dl>
  );
}

/** Who did what, when, with the before and after values. */
export function AuditTable({ events, showStory, caption }: { events: AuditEventRow[]; showStory: boolean; caption: string }) {
  if (events.length === 0) return <EmptyState title="No activity recorded">Changes appear here as soon as anyone makes them.</EmptyState>;
  return (
    <Table caption={caption}>
      <thead>
        <tr>
          <Th>When</Th>
          <Th>Who</Th>
          <Th>Action</Th>
          {showStory ? <Th>Story</Th> : null}
          <Th>Before</Th>
          <Th>After</Th>
        </tr>
      </thead>
      <tbody>
        {events.map((event) => (
          <tr key={event.id}>
            <Td className="whitespace-nowrap text-muted">
              <Timestamp value={event.createdAt} />
            </Td>
            <Td>{event.actor?.name ?? (event.apiToken ? `API token “${event.apiToken.name}”` : "System")}</Td>
            <Td>
              <code className="rounded bg-slate-100 px-1 font-mono text-xs">{event.action}</code>
            </Td>
            {showStory ? (
              <Td>
                {event.story ? (
                  <Link className="hover:underline" href={`/stories/${event.story.id}/activity`}>
                    {event.story.title}
                  </Link>
                ) : (
                  <span className="text-muted">—</span>
                )}
              </Td>
            ) : null}
            <Td>
              <Change value={event.before} />
            </Td>
            <Td>
              <Change value={event.after} />
            </Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
