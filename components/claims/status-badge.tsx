import { Badge } from "@/components/ui/badge";
import { CLAIM_STATUS_META } from "@/lib/claims/status-meta";
import type { ClaimStatus } from "@/lib/generated/prisma/enums";
import { STATUS_STYLE } from "./status-style";

/** A claim's status: symbol plus word, so it reads without colour. */
export function ClaimStatusBadge({ status }: { status: ClaimStatus }) {
  return (
    <Badge tone={CLAIM_STATUS_META[status].tone}>
      <span aria-hidden>{STATUS_STYLE[status].marker}</span>
      {CLAIM_STATUS_META[status].label}
    </Badge>
  );
}
