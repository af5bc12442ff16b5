import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { PEOPLE_FILE, STORAGE } from "./support/auth";
import { buildStoryWithReport, database } from "./support/factories";
import { buildExplainerInReview } from "./support/explainer-factories";

const TEXT = [
  "PORT ELLERY, May 1 (Harbour Wire) — The Port Ellery lighthouse went dark late on Monday during the storm, two harbour officials said.",
  "Coastguard vessels diverted three cargo ships to the northern channel, the officials said.",
].join("\n\n");

/** A status change as setClaimStatus commits it: the row and its live event in one transaction. */
async function changeStatus(storyId: string, claimId: string, status: string) {
  const client = await database().connect();
  try {
    await client.query("BEGIN");
    await client.query(`UPDATE "Claim" SET status = $1::"ClaimStatus", version = version + 1 WHERE id = $2`, [status, claimId]);
    await client.query(`SELECT pg_notify('wiredesk_desk', $1)`, [JSON.stringify({ storyId, kind: "claim_status", claimIds: [claimId] })]);
    await client.query("COMMIT");
  } finally {
    client.release();
  }
}

test("open editors and review pages show a status change and an approval without reload", async ({ browser }) => {
  const people = JSON.parse(readFileSync(PEOPLE_FILE, "utf8")) as Record<string, { id: string }>;
  const { storyId, claimIds } = await buildStoryWithReport(people.EDITOR!, {
    title: `Lighthouse live ${Date.now()}`,
    source: "Harbour Wire",
    text: TEXT,
    claims: [{ start: TEXT.indexOf("Coastguard"), end: TEXT.indexOf(" to the northern"), statement: "Coastguard diverted three cargo ships", status: "UNVERIFIED" }],
  });
  const { explainerId } = await buildExplainerInReview({
    storyId,
    authorId: people.EDITOR!.id,
    title: "What to know about the lighthouse",
    bullets: [{ text: "Three cargo ships were diverted,", claimId: claimIds[0]!, attributed: true, attribution: "according to the officials" }],
    statuses: { [claimIds[0]!]: "UNVERIFIED" },
  });

  const editorContext = await browser.newContext({ storageState: STORAGE.EDITOR });
  const reviewerContext = await browser.newContext({ storageState: STORAGE.REVIEWER });
  const admin = await browser.newContext({ storageState: STORAGE.ADMIN });

  // a review page updates when another reviewer approves
  const reviewerPage = await reviewerContext.newPage();
  await reviewerPage.goto(`/review/${explainerId}`);
  await expect(reviewerPage.getByRole("heading", { level: 1 })).toContainText("In review");
  await expect(reviewerPage.locator("html")).toHaveAttribute("data-desk-events", "live");
  const adminPage = await admin.newPage();
  await adminPage.goto(`/review/${explainerId}`);
  await adminPage.getByRole("button", { name: "Approve revision" }).click();
  await expect(adminPage.getByText("Approved. The writers were notified")).toBeVisible();
  await expect(reviewerPage.getByRole("heading", { level: 1 })).toContainText("Approved", { timeout: 3000 });

  // an open editor shows a cited claim's new status
  const editorPage = await editorContext.newPage();
  await editorPage.goto(`/stories/${storyId}/explainers/${explainerId}`);
  const chip = editorPage.getByRole("textbox", { name: "Explainer text" }).locator("[data-citation-key] button").first();
  await expect(chip).toContainText("Unverified");
  await expect(editorPage.locator("html")).toHaveAttribute("data-desk-events", "live");
  await changeStatus(storyId, claimIds[0]!, "VERIFIED");
  await expect(chip).toContainText("Verified", { timeout: 3000 });
  await expect(chip).not.toContainText("Unverified");

  await Promise.all([editorContext.close(), reviewerContext.close(), admin.close()]);
});
