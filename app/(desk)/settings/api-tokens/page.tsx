import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Badge } from "@/components/ui/badge";
import { EmptyState, PageHeader } from "@/components/ui/states";
import { Table, Td, Th } from "@/components/ui/table";
import { Timestamp } from "@/components/ui/relative-time";
import { requireActorForPage } from "@/lib/auth/current-actor";
import { can } from "@/lib/auth/permissions";
import { listApiTokens } from "@/lib/api-tokens/list-api-tokens";
import { CreateApiTokenDialog, RevokeApiTokenButton } from "./api-token-controls";

export const metadata: Metadata = { title: "API tokens" };

export default async function ApiTokensPage() {
  const actor = await requireActorForPage();
  // the domain call below refuses non-admins too; this keeps them on a plain 404
  if (!can(actor.role, "api_token.manage")) notFound();
  const tokens = await listApiTokens(actor);
  return (
    <>
      <PageHeader
        title="API tokens"
        description={
          <>
            Wire systems use a token to push reports to <code className="font-mono text-xs">POST /api/v1/stories/&#123;id&#125;/reports</code>. A
            token may only read stories and import reports, and acts in the name of the admin who created it.
          </>
        }
        actions={<CreateApiTokenDialog />}
      />
      {tokens.length === 0 ? (
        <EmptyState title="No API tokens yet">
          Use “Create token” for each wire system or script that should push reports to the desk, so you can revoke them one at a time.
        </EmptyState>
      ) : (
        <Table caption="API tokens">
          <thead>
            <tr>
              <Th>Name</Th>
              <Th>Token</Th>
              <Th>Created by</Th>
              <Th>Created</Th>
              <Th>Last used</Th>
              <Th>Status</Th>
              <Th>
                <span className="sr-only">Actions</span>
              </Th>
            </tr>
          </thead>
          <tbody>
            {tokens.map((token) => (
              <tr key={token.id} data-testid={`api-token-${token.id}`} className={token.revokedAt ? "bg-slate-50 text-muted" : ""}>
                <Td className="font-medium">{token.name}</Td>
                <Td>
                  <code className="font-mono text-xs" aria-label={`Starts with ${token.prefix}`}>
                    {token.prefix}…
                  </code>
                </Td>
                <Td>{token.createdBy.name}</Td>
                <Td className="whitespace-nowrap">
                  <Timestamp value={token.createdAt} />
                </Td>
                <Td className="whitespace-nowrap">{token.lastUsedAt ? <Timestamp value={token.lastUsedAt} /> : <span className="text-muted">Never</span>}</Td>
                <Td className="whitespace-nowrap">
                  {token.revokedAt ? (
                    <span className="space-y-0.5">
                      <Badge>Revoked</Badge>
                      <span className="block text-xs">
                        <Timestamp value={token.revokedAt} />
                        {token.revokedBy ? ` by ${token.revokedBy.name}` : null}
                      </span>
                    </span>
                  ) : (
                    <Badge tone="ok">Active</Badge>
                  )}
                </Td>
                <Td className="text-right whitespace-nowrap">{token.revokedAt ? null : <RevokeApiTokenButton token={{ id: token.id, name: token.name }} />}</Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </>
  );
}
