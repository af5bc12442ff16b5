import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { PEOPLE_FILE, STORAGE } from "./support/auth";
import { buildStoryWithReport, database } from "./support/factories";
import { buildExplainerInReview } from "./support/explainer-factories";

const TEXT = [
  "PORT ELLERY, May 1 (Harbour Wire) — The Port Ellery lighthouse went dark late on Monday during the storm, two harbour officials said.",
  "Coastguard vessels diverted three cargo ships to the northern channel, the officials said.",
].join("\n\n");

test.use({ storageState: STORAGE.REVIEWER });

test("a reviewer acknowledges each re-review flag with a note, without editing, and sees it in the history", async ({ page }) => {
  const people = JSON.parse(readFileSync(PEOPLE_FILE, "utf8")) as Record<string, { id: string }>;
  const { storyId, claimIds } = await buildStoryWithReport(people.EDITOR!, {
    title: `Lighthouse re-review ${Date.now()}`,
    source: "Harbour Wire",
    text: TEXT,
    claims: [
      { start: TEXT.indexOf("The Port"), end: TEXT.indexOf(" late on"), statement: "The Port Ellery lighthouse went dark", status: "VERIFIED" },
      { start: TEXT.indexOf("Coastguard"), end: TEXT.indexOf(" to the northern"), statement: "Coastguard diverted three cargo ships", status: "VERIFIED" },
    ],
  });
  const bullets = [
    { text: "The lighthouse went dark during the storm,", claimId: claimIds[0]!, attributed: true, attribution: "according to two harbour officials" },
    { text: "Three cargo ships were diverted,", claimId: claimIds[1]!, attributed: true, attribution: "according to the officials" },
  ];
  const { explainerId } = await buildExplainerInReview({ storyId, authorId: people.EDITOR!.id, title: "What to know about the lighthouse", bullets, approvedBullets: bullets, approvedById: people.REVIEWER!.id });
  // two claims changed status after approval (as flagExplainersCitingClaim records it)
  const db = database();
  for (const [index, claimId] of claimIds.entries()) {
    await db.query(`INSERT INTO "ReReviewFlag" (id, "explainerId", "claimId", reason, "createdAt") VALUES ($1, $2, $3, $4, now() + $5 * interval '1 second')`, [
      randomUUID(),
      explainerId,
      claimId,
      `A cited claim changed from Verified to In progress: claim ${index + 1}`,
      index,
    ]);
  }
  await db.query(`UPDATE "Claim" SET status = 'IN_PROGRESS' WHERE id = ANY($1::uuid[])`, [claimIds]);
  await db.query(`UPDATE "Explainer" SET "needsReReview" = true, "reReviewReason" = 'A cited claim changed from Verified to In progress: claim 2' WHERE id = $1`, [explainerId]);

  await page.goto(`/review/${explainerId}`);
  const section = page.getByTestId("re-review");
  await expect(section).toContainText("2 flags are open. Publishing waits until every flag is resolved.");

  await section.getByLabel("Why it still holds").first().fill("Still holds: the bullet is attributed.");
  await section.getByRole("button", { name: "Acknowledge without editing" }).first().click();
  await expect(section).toContainText("One flag is open");
  await expect(section).toContainText("Acknowledged by");
  await expect(section).toContainText("“Still holds: the bullet is attributed.”");

  await section.getByLabel("Why it still holds").fill("Still attributed to the officials.");
  await section.getByRole("button", { name: "Acknowledge without editing" }).click();
  await expect(section).toContainText("No open flags.");
  await expect(page.getByRole("heading", { level: 1 })).not.toContainText("Needs re-review");

  const audit = await db.query(`SELECT count(*)::int AS n FROM "AuditEvent" WHERE "entityId" = $1 AND action = 'explainer.acknowledge_rereview'`, [explainerId]);
  expect(audit.rows[0]!.n).toBe(2);
});
