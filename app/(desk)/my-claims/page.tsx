import type { Metadata } from "next";
import Link from "next/link";
import { ClaimStatusBadge } from "@/components/claims/status-badge";
import { EmptyState, PageHeader } from "@/components/ui/states";
import { Table, Td, Th } from "@/components/ui/table";
import { requireActorForPage } from "@/lib/auth/current-actor";
import { listMyClaims } from "@/lib/claims/my-claims";

export const metadata: Metadata = { title: "My claims" };

export default async function MyClaimsPage() {
  const actor = await requireActorForPage();
  const claims = await listMyClaims(actor);
  return (
    <>
      <PageHeader title="My claims" description="Claims assigned to you across active stories, open ones first." />
      {claims.length === 0 ? (
        <EmptyState title="Nothing assigned to you">When someone assigns you a claim, it appears here and in your notifications.</EmptyState>
      ) : (
        <Table caption="Claims assigned to me">
          <thead>
            <tr>
              <Th>Claim</Th>
              <Th>Status</Th>
              <Th>Story</Th>
            </tr>
          </thead>
          <tbody>
            {claims.map((claim) => (
              <tr key={claim.id}>
                <Td>
                  <Link className="font-medium hover:text-accent hover:underline" href={`/stories/${claim.story.id}/claims/${claim.id}`}>
                    {claim.statement}
                  </Link>
                </Td>
                <Td className="whitespace-nowrap">
                  <ClaimStatusBadge status={claim.status} />
                </Td>
                <Td>{claim.story.title}</Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </>
  );
}
