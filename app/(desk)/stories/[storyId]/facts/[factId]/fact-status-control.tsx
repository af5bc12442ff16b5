"use client";

import { useId, useState, useTransition } from "react";
import { toast } from "sonner";
import { ClaimStatusBadge } from "@/components/claims/status-badge";
import { Button } from "@/components/ui/button";
import { CLAIM_STATUS_META, CLAIM_STATUS_ORDER } from "@/lib/claims/status-meta";
import type { ClaimStatus } from "@/lib/generated/prisma/enums";
import { setFactStatusAction } from "../actions";

const DERIVED = "derived";

/**
 * The fact's status with how it was reached ("3 verified, 1 false: disputed"). An editor can
 * set it explicitly (that choice wins) or go back to deriving it from the claims.
 */
export function FactStatusControl(props: {
  storyId: string;
  factId: string;
  version: number;
  status: ClaimStatus;
  editorStatus: ClaimStatus | null;
  breakdown: string;
  /** the fact's members that are pending suggestions: they have no status, so the breakdown leaves them out */
  untaggedCount: number;
  canEdit: boolean;
}) {
  const id = useId();
  const [choice, setChoice] = useState<string>(props.editorStatus ?? DERIVED);
  const [pending, startTransition] = useTransition();
  const changed = choice !== (props.editorStatus ?? DERIVED);
  const save = () =>
    startTransition(async () => {
      const result = await setFactStatusAction({ storyId: props.storyId, factId: props.factId, version: props.version, status: choice === DERIVED ? null : choice });
      if (result.ok) toast.success(choice === DERIVED ? "The fact's status follows its claims again" : `Fact set to ${CLAIM_STATUS_META[choice as ClaimStatus].label}`);
      else toast.error(result.error);
    });

  return (
    <section aria-labelledby={`${id}-heading`} className="flex flex-wrap items-center gap-x-3 gap-y-2 rounded-lg border border-line bg-white px-3 py-2 text-sm">
      <h3 id={`${id}-heading`} className="font-medium">
        Fact status
      </h3>
      <span data-fact-status={props.status}>
        <ClaimStatusBadge status={props.status} />
      </span>
      <span className="text-muted" data-testid="fact-status-breakdown">
        {props.breakdown}
      </span>
      {props.untaggedCount > 0 ? (
        <span className="text-muted" data-testid="fact-status-untagged">
          · {props.untaggedCount} suggested {props.untaggedCount === 1 ? "sentence is not tagged yet and does not count" : "sentences are not tagged yet and do not count"}
        </span>
      ) : null}
      {props.canEdit ? (
        <form
          className="ml-auto flex items-center gap-2"
          onSubmit={(event) => {
            event.preventDefault();
            if (changed) save();
          }}
        >
          <label htmlFor={`${id}-choice`} className="text-muted">
            Set status
          </label>
          <select id={`${id}-choice`} className="rounded-md border border-line bg-white px-2 py-1" value={choice} onChange={(event) => setChoice(event.target.value)} disabled={pending}>
            <option value={DERIVED}>From its claims</option>
            {CLAIM_STATUS_ORDER.map((status) => (
              <option key={status} value={status}>
                {CLAIM_STATUS_META[status].label}
              </option>
            ))}
          </select>
          <Button type="submit" size="sm" disabled={!changed} pending={pending}>
            Save status
          </Button>
        </form>
      ) : null}
    </section>
  );
}
