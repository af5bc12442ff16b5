import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Badge } from "@/components/ui/badge";
import { PageHeader } from "@/components/ui/states";
import { Table, Td, Th } from "@/components/ui/table";
import { Timestamp } from "@/components/ui/relative-time";
import { requireActorForPage } from "@/lib/auth/current-actor";
import { can } from "@/lib/auth/permissions";
import { listPeople } from "@/lib/people/list-people";
import { ActiveToggle, CreatePersonDialog, NewLinkButton, RoleSelect } from "./people-controls";

export const metadata: Metadata = { title: "People" };

export default async function PeoplePage() {
  const actor = await requireActorForPage();
  // the domain call below refuses non-admins too; this keeps them on a plain 404
  if (!can(actor.role, "people.manage")) notFound();
  const people = await listPeople(actor);
  return (
    <>
      <PageHeader title="People" description="Who can use this desk, and what they may do." actions={<CreatePersonDialog />} />
      <Table caption="Desk members">
        <thead>
          <tr>
            <Th>Name</Th>
            <Th>Email</Th>
            <Th>Role</Th>
            <Th>Status</Th>
            <Th>Last sign-in</Th>
            <Th>
              <span className="sr-only">Actions</span>
            </Th>
          </tr>
        </thead>
        <tbody>
          {people.map((person) => {
            const self = person.id === actor.id;
            return (
              <tr key={person.id} data-testid={`person-${person.email}`} className={person.active ? "" : "bg-slate-50 text-muted"}>
                <Td className="font-medium">
                  {person.name}
                  {self ? <span className="ml-1 text-xs text-muted">(you)</span> : null}
                </Td>
                <Td>{person.email}</Td>
                <Td>
                  <RoleSelect person={person} />
                </Td>
                <Td>{person.active ? <Badge tone="ok">Active</Badge> : <Badge>Deactivated</Badge>}</Td>
                <Td className="whitespace-nowrap">{person.lastLoginAt ? <Timestamp value={person.lastLoginAt} /> : <span className="text-muted">Never</span>}</Td>
                <Td className="text-right whitespace-nowrap">
                  <NewLinkButton person={person} />
                  <ActiveToggle person={person} />
                </Td>
              </tr>
            );
          })}
        </tbody>
      </Table>
    </>
  );
}
