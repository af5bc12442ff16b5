import { describe, expect, it } from "vitest";
import { buildReportInput, buildStory, buildUser, domainErrorFrom, uniqueToken, type BuiltUser } from "@/lib/testing/factories";
import { db } from "@/lib/db/client";
import { storeReport } from "@/lib/reports/store-report";
import { ADVANCE, CASUALTIES, LEAD, spanOf } from "./anchoring/wire-fixtures";
import { addEvidence } from "./add-evidence";
import type { ClaimDetail } from "./claim-view";
import { editClaim } from "./edit-claim";
import { setClaimStatus } from "./set-claim-status";
import { tagClaim } from "./tag-claim";

const PARAGRAPHS = [LEAD, CASUALTIES, ADVANCE];
const TEXT = PARAGRAPHS.join("\n\n");
const LINK = { kind: "LINK", url: "https://health.example.org/bulletin-12", title: "Provincial health office bulletin" } as const;

async function storyWithClaim(editor?: BuiltUser) {
  const owner = editor ?? (await buildUser({ role: "EDITOR" }));
  const story = await buildStory(owner.actor);
  const { reportId } = await storeReport(owner.actor, buildReportInput(story.id, { externalId: `wire-${uniqueToken()}`, paragraphs: PARAGRAPHS }), "PASTE");
  const claim = await tagClaim(owner.actor, { storyId: story.id, reportId, reportVersion: 1, ...spanOf(TEXT, CASUALTIES), statement: "21 civilians killed near el-Maroun" });
  return { editor: owner, story, reportId, claim };
}

describe("verifying a claim", () => {
  it("marking a claim verified needs a rationale and evidence, names each missing one, then records both", async () => {
    const { editor, claim } = await storyWithClaim();

    const neither = await domainErrorFrom(setClaimStatus(editor.actor, { claimId: claim.id, version: 1, status: "VERIFIED" }));
    expect(neither.kind).toBe("invalid");
    expect(Object.keys(neither.fieldErrors).sort()).toEqual(["evidence", "rationale"]);
    const noEvidence = await domainErrorFrom(setClaimStatus(editor.actor, { claimId: claim.id, version: 1, status: "VERIFIED", rationale: "Matches the bulletin." }));
    expect(Object.keys(noEvidence.fieldErrors)).toEqual(["evidence"]);
    const noRationale = await domainErrorFrom(setClaimStatus(editor.actor, { claimId: claim.id, version: 1, status: "VERIFIED", rationale: "   ", evidence: LINK }));
    expect(Object.keys(noRationale.fieldErrors)).toEqual(["rationale"]);
    expect(await db.evidence.count({ where: { claimId: claim.id } })).toBe(0);

    const verified = await setClaimStatus(editor.actor, { claimId: claim.id, version: 1, status: "VERIFIED", rationale: "Matches the bulletin.", evidence: LINK });

    expect(verified).toMatchObject({ status: "VERIFIED", version: 2 });
    expect(verified.evidence).toEqual([expect.objectContaining({ kind: "LINK", url: LINK.url, title: LINK.title, addedBy: { id: editor.id, name: editor.name } })]);
    expect(verified.history.map((entry) => [entry.fromStatus, entry.toStatus, entry.rationale])).toEqual([
      ["UNVERIFIED", "VERIFIED", "Matches the bulletin."],
      [null, "UNVERIFIED", null],
    ]);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { entityId: claim.id, action: "claim.set_status" } });
    expect(audit).toMatchObject({ actorId: editor.id, before: { status: "UNVERIFIED" }, after: { status: "VERIFIED", rationale: "Matches the bulletin." } });
  });

  it("evidence already on the claim counts, so a claim can then be marked false with a rationale alone", async () => {
    const { editor, claim } = await storyWithClaim();
    const inProgress = await setClaimStatus(editor.actor, { claimId: claim.id, version: 1, status: "IN_PROGRESS" });
    const withNote = await addEvidence(editor.actor, { claimId: claim.id, evidence: { kind: "NOTE", note: "The hospital counted 12, not 21." } });
    expect(withNote).toMatchObject({ version: inProgress.version, evidence: [expect.objectContaining({ kind: "NOTE" })] });

    const marked = await setClaimStatus(editor.actor, { claimId: claim.id, version: withNote.version, status: "FALSE", rationale: "The hospital's own count differs." });

    expect(marked).toMatchObject({ status: "FALSE", version: 3 });
    expect(await db.auditEvent.count({ where: { entityId: claim.id, action: "claim.add_evidence" } })).toBe(1);
  });

  it("choosing the status a claim already has is refused, unless new evidence comes with it", async () => {
    const { editor, claim } = await storyWithClaim();

    const same = await domainErrorFrom(setClaimStatus(editor.actor, { claimId: claim.id, version: 1, status: "UNVERIFIED" }));
    expect(same.kind).toBe("invalid");
    expect(same.message).toBe("This claim is already Unverified.");

    const withEvidence = await setClaimStatus(editor.actor, { claimId: claim.id, version: 1, status: "UNVERIFIED", evidence: { kind: "NOTE", note: "Asked the health office." } });
    expect(withEvidence).toMatchObject({ status: "UNVERIFIED", version: 2, evidence: [expect.objectContaining({ note: "Asked the health office." })] });
  });

  it("another story's claim or report cannot serve as evidence, and a claim cannot corroborate itself", async () => {
    const { editor, claim, reportId } = await storyWithClaim();
    const other = await storyWithClaim(editor);

    const foreignClaim = await domainErrorFrom(addEvidence(editor.actor, { claimId: claim.id, evidence: { kind: "CLAIM", relatedClaimId: other.claim.id } }));
    const foreignReport = await domainErrorFrom(
      setClaimStatus(editor.actor, { claimId: claim.id, version: 1, status: "DISPUTED", rationale: "Sources differ.", evidence: { kind: "REPORT", relatedReportId: other.reportId } }),
    );
    const itself = await domainErrorFrom(addEvidence(editor.actor, { claimId: claim.id, evidence: { kind: "CLAIM", relatedClaimId: claim.id } }));

    expect(foreignClaim.kind).toBe("not_found");
    expect(foreignReport.kind).toBe("not_found");
    expect(itself.kind).toBe("invalid");
    await expect(db.claim.findUniqueOrThrow({ where: { id: claim.id } })).resolves.toMatchObject({ status: "UNVERIFIED", version: 1 });
    expect(await db.evidence.count({ where: { claimId: claim.id } })).toBe(0);

    // the same story's report is fine
    const ok = await addEvidence(editor.actor, { claimId: claim.id, evidence: { kind: "REPORT", relatedReportId: reportId, note: "Same wire, later paragraph." } });
    expect(ok.evidence).toEqual([expect.objectContaining({ kind: "REPORT", relatedReport: { id: reportId, headline: expect.any(String) } })]);
  });

  it("an API token cannot change a claim's status", async () => {
    const { editor, claim } = await storyWithClaim();
    const error = await domainErrorFrom(setClaimStatus({ ...editor.actor, apiTokenId: "x" }, { claimId: claim.id, version: 1, status: "IN_PROGRESS" }));
    expect(error.kind).toBe("forbidden");
  });
});

describe("two people changing the same claim", () => {
  it("at the same moment, one change wins and the other is told who won and what the claim is now; nothing is overwritten", async () => {
    const tomasz = await buildUser({ name: `Tomasz Ilic ${uniqueToken()}` });
    const ana = await buildUser({ name: `Ana Ferreira ${uniqueToken()}` });
    const { claim } = await storyWithClaim(tomasz);
    await addEvidence(tomasz.actor, { claimId: claim.id, evidence: LINK });
    let version = claim.version;

    for (let round = 0; round < 6; round++) {
      const before = await db.claimStatusChange.count({ where: { claimId: claim.id } });
      const current = (await db.claim.findUniqueOrThrow({ where: { id: claim.id } })).status;
      // each round both pick a status different from the current one and from each other
      const targets = round % 2 === 0 ? (["DISPUTED", "IN_PROGRESS"] as const) : (["VERIFIED", "UNVERIFIABLE"] as const);
      const [tomaszTarget, anaTarget] = current === targets[0] || current === targets[1] ? (["FALSE", "UNVERIFIED"] as const) : targets;

      const results = await Promise.allSettled([
        setClaimStatus(tomasz.actor, { claimId: claim.id, version, status: tomaszTarget, rationale: `Tomasz, round ${round}` }),
        setClaimStatus(ana.actor, { claimId: claim.id, version, status: anaTarget, rationale: `Ana, round ${round}` }),
      ]);

      const won = results.flatMap((result) => (result.status === "fulfilled" ? [result.value] : []));
      const lost = results.flatMap((result) => (result.status === "rejected" ? [result.reason as unknown] : []));
      expect(won).toHaveLength(1);
      expect(lost).toHaveLength(1);
      const winner: ClaimDetail = won[0]!;
      const winnerName = winner.history[0]!.actor.name;
      const statusLabel = { DISPUTED: "Disputed", IN_PROGRESS: "In progress", VERIFIED: "Verified", UNVERIFIABLE: "Unverifiable", FALSE: "False", UNVERIFIED: "Unverified" }[winner.status];
      expect(lost[0]).toMatchObject({
        kind: "conflict",
        message: `${winnerName} changed this claim to ${statusLabel} a moment ago. Review the current state and try again.`,
      });
      const stored = await db.claim.findUniqueOrThrow({ where: { id: claim.id } });
      expect(stored).toMatchObject({ status: winner.status, version: version + 1 });
      expect(await db.claimStatusChange.count({ where: { claimId: claim.id } })).toBe(before + 1);
      expect(await db.auditEvent.count({ where: { entityId: claim.id, action: "claim.set_status" } })).toBe(round + 1);
      version = stored.version;
    }
  });

  it("an edit made from a stale page is a conflict that names the newer change, and keeps it", async () => {
    const tomasz = await buildUser();
    const ana = await buildUser();
    const { claim } = await storyWithClaim(tomasz);
    const tags = [{ kind: "PLACE", value: "el-Maroun" }];

    const edited = await editClaim(tomasz.actor, { claimId: claim.id, version: 1, statement: "21 civilians killed in shelling", attribution: "health office", tags });
    expect(edited).toMatchObject({ version: 2, statement: "21 civilians killed in shelling", attribution: "health office", tags });

    const staleEdit = await domainErrorFrom(editClaim(ana.actor, { claimId: claim.id, version: 1, statement: "Nobody was killed", tags: [] }));
    const staleStatus = await domainErrorFrom(setClaimStatus(ana.actor, { claimId: claim.id, version: 1, status: "IN_PROGRESS" }));

    for (const error of [staleEdit, staleStatus]) {
      expect(error.kind).toBe("conflict");
      expect(error.message).toBe(`${tomasz.name} changed this claim a moment ago; it is Unverified. Review the current state and try again.`);
    }
    await expect(db.claim.findUniqueOrThrow({ where: { id: claim.id }, include: { tags: true } })).resolves.toMatchObject({
      statement: "21 civilians killed in shelling",
      status: "UNVERIFIED",
      version: 2,
      tags: [expect.objectContaining({ kind: "PLACE", value: "el-Maroun" })],
    });
    const audit = await db.auditEvent.findFirstOrThrow({ where: { entityId: claim.id, action: "claim.edit" } });
    expect(audit).toMatchObject({
      before: { statement: "21 civilians killed near el-Maroun", attribution: null, tags: [] },
      after: { statement: "21 civilians killed in shelling", attribution: "health office", tags },
    });
  });
});
