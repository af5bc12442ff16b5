import { mkdirSync, readFileSync } from "node:fs";
import { expect, test, type Browser, type Locator, type Page } from "@playwright/test";
import { PEOPLE_FILE, STORAGE } from "./support/auth";
import { seriousViolations } from "./support/axe";
import { buildStoryWithReport, database } from "./support/factories";
import { buildDraftExplainer, buildExplainerInReview } from "./support/explainer-factories";

/**
 * The explainer editor's live state and access: axe inside the editor (with a citation chip, its
 * details open, the "/" menu open), keyboard-only work from the claims board through the editor
 * (with an @mention in a note) to the review, and two people typing in the title and dek at once.
 */
type Person = { id: string; name: string; email: string };
function people(): Record<"ADMIN" | "EDITOR" | "REVIEWER", Person> {
  return JSON.parse(readFileSync(PEOPLE_FILE, "utf8")) as Record<"ADMIN" | "EDITOR" | "REVIEWER", Person>;
}

async function shot(page: Page, name: string) {
  if (!process.env.SHOTS_DIR) return;
  mkdirSync(process.env.SHOTS_DIR, { recursive: true });
  await page.screenshot({ path: `${process.env.SHOTS_DIR}/${name}.png`, fullPage: true });
}

const TEXT = [
  "SALT HOLLOW, Jun 9 (Ridgeline Press) — The Salt Hollow dam spillway opened on Sunday night, two county engineers said.",
  "About 400 homes downstream were told to leave, the county said.",
].join("\n\n");

async function storyWithClaims(title: string) {
  return buildStoryWithReport(people().EDITOR, {
    title,
    source: "Ridgeline Press",
    text: TEXT,
    claims: [
      { start: TEXT.indexOf("The Salt"), end: TEXT.indexOf(" on Sunday"), statement: "The Salt Hollow dam spillway opened", status: "VERIFIED" },
      { start: TEXT.indexOf("About 400"), end: TEXT.indexOf(", the county"), statement: "About 400 homes were told to leave", status: "UNVERIFIED" },
    ],
  });
}

function body(page: Page) {
  return page.getByRole("textbox", { name: "Explainer text" });
}

async function openEditor(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await expect(body(page)).toBeVisible({ timeout: 30_000 });
  await expect(page.locator("[data-collab-status]")).toHaveAttribute("data-collab-status", "connected", { timeout: 15_000 });
}

test.describe("the explainer editor", () => {
  test.use({ storageState: STORAGE.EDITOR });

  test("has no serious or critical axe violations: at rest, with a chip's details open, and with the / menu open", async ({ page }) => {
    test.slow();
    const { storyId, claimIds } = await storyWithClaims(`Dam story ${Date.now()}`);
    const { explainerId } = await buildExplainerInReview({
      storyId,
      authorId: people().EDITOR.id,
      title: "What to know about the Salt Hollow dam",
      bullets: [
        { text: "The dam's spillway opened on Sunday night.", claimId: claimIds[0]! },
        { text: "About 400 homes were told to leave", claimId: claimIds[1]!, attributed: true, attribution: "the county said" },
      ],
    });
    await openEditor(page, `/stories/${storyId}/explainers/${explainerId}`);
    await page.waitForLoadState("networkidle");
    const problems: string[] = [];
    for (const violation of await seriousViolations(page)) problems.push(`at rest: ${violation}`);
    await shot(page, "editor-axe-rest");

    await body(page).locator("li").nth(1).locator("[data-citation-key] button").focus();
    await page.keyboard.press("Enter");
    await expect(page.getByRole("dialog", { name: "Citation details" })).toBeVisible();
    for (const violation of await seriousViolations(page)) problems.push(`chip details: ${violation}`);
    await shot(page, "editor-axe-chip");
    await page.keyboard.press("Escape");

    await body(page).locator("li").nth(0).click();
    await page.keyboard.press("End");
    await page.keyboard.type(" /dam");
    await expect(page.getByRole("listbox", { name: "Claims and facts to cite" })).toBeVisible();
    for (const violation of await seriousViolations(page)) problems.push(`/ menu: ${violation}`);
    await shot(page, "editor-axe-menu");
    expect(problems).toEqual([]);
  });
});

/** A draft explainer: one section, one uncited bullet. */
async function draftExplainer(storyId: string, title: string, dek: string): Promise<string> {
  const content = {
    type: "doc",
    content: [
      { type: "heading", attrs: { level: 2 }, content: [{ type: "text", text: "What we know" }] },
      { type: "bulletList", content: [{ type: "listItem", content: [{ type: "paragraph", content: [{ type: "text", text: "The dam's spillway opened on Sunday night." }] }] }] },
    ],
  };
  return buildDraftExplainer({ storyId, authorId: people().EDITOR.id, title, dek, content });
}

/** Presses Tab (or Shift+Tab) until `target` has the focus: the way a keyboard user gets there. */
async function tabTo(page: Page, target: Locator, options: { backwards?: boolean; max?: number } = {}): Promise<void> {
  for (let presses = 0; presses < (options.max ?? 80); presses += 1) {
    if (await target.evaluate((element) => element === document.activeElement || element.contains(document.activeElement)).catch(() => false)) return;
    await page.keyboard.press(options.backwards ? "Shift+Tab" : "Tab");
  }
  await expect(target).toBeFocused();
}

async function twoPeople(browser: Browser) {
  const editorContext = await browser.newContext({ storageState: STORAGE.EDITOR, viewport: { width: 1280, height: 900 } });
  const reviewerContext = await browser.newContext({ storageState: STORAGE.REVIEWER, viewport: { width: 1280, height: 900 } });
  return { editorContext, reviewerContext, editor: await editorContext.newPage(), reviewer: await reviewerContext.newPage() };
}

test("the main path by keyboard only: claims board, editor with a citation and an @mention, submit, notification, approval", async ({ browser }) => {
  // many pages in two browsers, one after another
  test.slow();
  const { EDITOR, REVIEWER } = people();
  const { storyId, claimIds } = await storyWithClaims(`Dam story (keyboard) ${Date.now()}`);
  const explainerId = await draftExplainer(storyId, "Salt Hollow dam", "The spillway opened.");
  const { editorContext, reviewerContext, editor, reviewer } = await twoPeople(browser);

  // claims board: move to the second claim with the arrow keys, set it in progress with "2", open it with Enter
  await editor.goto(`/stories/${storyId}/claims`);
  const rows = editor.locator("tr[data-claim-row]");
  await expect(rows).toHaveCount(2);
  await tabTo(editor, rows.first());
  const homes = editor.locator(`tr[data-claim-row="${claimIds[1]}"]`);
  if (!(await homes.evaluate((element) => element === document.activeElement))) await editor.keyboard.press("ArrowDown");
  await expect(homes).toBeFocused();
  await editor.keyboard.press("2");
  await expect(homes).toContainText("In progress");
  await editor.keyboard.press("Enter");
  await expect(editor).toHaveURL(new RegExp(`/claims/${claimIds[1]}$`));

  // a claim comment mentions the reviewer, picked from the list with the arrow keys
  const comment = editor.getByRole("textbox", { name: "Comment" });
  await tabTo(editor, comment);
  await editor.keyboard.type(`Can you check the count, @${REVIEWER.name.slice(0, 5)}`);
  const commentPeople = editor.getByRole("listbox", { name: "People to mention" });
  await expect(commentPeople.getByRole("option", { name: new RegExp(REVIEWER.name) })).toBeVisible();
  await expect(comment).toHaveAttribute("aria-activedescendant", /.+/);
  await pickPerson(editor, comment, REVIEWER.name);
  await expect(comment).toHaveValue(`Can you check the count, @${REVIEWER.name} `);
  await editor.keyboard.type("please?");
  await tabTo(editor, editor.getByRole("button", { name: "Comment", exact: true }));
  await editor.keyboard.press("Enter");
  await expect(editor.getByText(`Can you check the count, @${REVIEWER.name} please?`)).toBeVisible();

  // the editor: title, then the text, a citation with "/", out of the text with Escape, submit
  await openEditor(editor, `/stories/${storyId}/explainers/${explainerId}`);
  const title = editor.getByRole("textbox", { name: "Title", exact: true });
  await tabTo(editor, title);
  await editor.keyboard.press("End");
  await editor.keyboard.type(": what we know");
  await tabTo(editor, body(editor));
  await editor.keyboard.press("Control+Home");
  await editor.keyboard.press("ArrowDown");
  await editor.keyboard.press("End");
  await editor.keyboard.type(" /spillway");
  const menu = editor.getByRole("listbox", { name: "Claims and facts to cite" });
  await expect(menu.getByRole("option")).toHaveCount(1);
  await editor.keyboard.press("Enter");
  await expect(body(editor).locator("li").first().locator("[data-citation-key]")).toContainText("Verified");
  await expect(editor.getByTestId("rule-checks")).toContainText("all bullets are cited correctly");
  // Escape leaves the text (Tab would indent the bullet)
  await editor.keyboard.press("Escape");
  await expect(body(editor)).not.toBeFocused();
  await shot(editor, "keyboard-editor-after-escape");

  // a note that mentions the reviewer
  const note = editor.getByRole("textbox", { name: "Note" });
  await tabTo(editor, note);
  const typed = `@${REVIEWER.name.split(" ")[0]!.slice(0, 4)}`;
  await editor.keyboard.type(typed);
  await expect(editor.getByRole("listbox", { name: "People to mention" })).toBeVisible();
  await shot(editor, "keyboard-note-mention-list");
  // Escape closes the list (not the page's dialogs) and keeps the text; a new "@" opens it again
  await editor.keyboard.press("Escape");
  await expect(editor.getByRole("listbox", { name: "People to mention" })).toBeHidden();
  await expect(note).toHaveValue(typed);
  for (let index = 0; index < typed.length; index += 1) await editor.keyboard.press("Backspace");
  await editor.keyboard.type(typed);
  await expect(editor.getByRole("listbox", { name: "People to mention" })).toBeVisible();
  await pickPerson(editor, note, REVIEWER.name);
  await editor.keyboard.type("the spillway bullet is ready for you.");
  await tabTo(editor, editor.getByRole("button", { name: "Add note" }));
  await editor.keyboard.press("Enter");
  const notes = editor.getByTestId("explainer-notes");
  await expect(notes).toContainText(`@${REVIEWER.name} the spillway bullet is ready for you.`);
  await expect(notes).toContainText(`mentions ${REVIEWER.name}`);
  await expect(note).toHaveValue("");
  await shot(editor, "keyboard-note-added");

  // back up to "Submit for review" and submit from the dialog
  await tabTo(editor, editor.getByRole("button", { name: "Submit for review" }), { backwards: true, max: 120 });
  await editor.keyboard.press("Enter");
  const dialog = editor.getByRole("dialog", { name: "Submit for review" });
  await expect(dialog).toBeVisible();
  await tabTo(editor, dialog.getByRole("textbox", { name: "What changed (for the reviewer)" }));
  await editor.keyboard.type("First version, spillway cited.");
  await tabTo(editor, dialog.getByRole("button", { name: "Submit revision" }));
  await editor.keyboard.press("Enter");
  await expect(dialog).toBeHidden({ timeout: 15_000 });
  await expect(editor.getByText("In review", { exact: true })).toBeVisible();

  // the reviewer: the mention is in the inbox and opens the editor; the review page approves by keyboard
  await reviewer.goto("/notifications");
  // this explainer's mention (a repeated run leaves earlier ones in the list)
  const mention = reviewer.getByRole("link", { name: new RegExp(`${EDITOR.name} mentioned you in a note on the explainer`) }).and(reviewer.locator(`[href$="/explainers/${explainerId}"]`));
  await expect(mention).toBeVisible();
  await tabTo(reviewer, mention);
  await reviewer.keyboard.press("Enter");
  await expect(reviewer).toHaveURL(new RegExp(`/explainers/${explainerId}$`));
  await reviewer.goto(`/review/${explainerId}`);
  await tabTo(reviewer, reviewer.getByRole("textbox", { name: "Comment for the writers" }));
  await reviewer.keyboard.type("Holds: the spillway is verified.");
  await tabTo(reviewer, reviewer.getByRole("button", { name: "Approve revision" }));
  await reviewer.keyboard.press("Enter");
  await expect(reviewer.getByRole("status").filter({ hasText: "Approved." })).toBeVisible();
  await editorContext.close();
  await reviewerContext.close();
});

/** With the mention list open, moves to `name` with the arrow keys and picks it with Enter. */
async function pickPerson(page: Page, field: Locator, name: string): Promise<void> {
  const list = page.getByRole("listbox", { name: "People to mention" });
  const option = list.getByRole("option", { name: new RegExp(name) });
  await expect(option).toBeVisible();
  const optionId = await option.getAttribute("id");
  for (let step = 0; step < 8; step += 1) {
    const current = await field.getAttribute("aria-activedescendant");
    if (current === optionId) break;
    await page.keyboard.press("ArrowDown");
    // each key moves the highlight once: wait for this move before deciding on the next
    await expect(field).not.toHaveAttribute("aria-activedescendant", current ?? "");
  }
  await expect(field).toHaveAttribute("aria-activedescendant", optionId!);
  await expect(option).toHaveAttribute("aria-selected", "true");
  await page.keyboard.press("Enter");
  await expect(list).toBeHidden();
}

test("two people typing in the title and the dek at once keep their words whole", async ({ browser }) => {
  test.slow();
  const { storyId } = await storyWithClaims(`Dam story (title) ${Date.now()}`);
  const explainerId = await draftExplainer(storyId, "Salt Hollow dam", "Spillway open.");
  const url = `/stories/${storyId}/explainers/${explainerId}`;
  const { editorContext, reviewerContext, editor, reviewer } = await twoPeople(browser);
  await Promise.all([openEditor(editor, url), openEditor(reviewer, url)]);
  const title = (page: Page) => page.getByRole("textbox", { name: "Title", exact: true });
  const dek = (page: Page) => page.getByRole("textbox", { name: "Dek", exact: true });

  // both at the end of the title, typing at the same time (doubled letters and spaces on purpose)
  const mine = " [ee  spillway  open]";
  const theirs = " [rr  sirens  sounded]";
  for (const page of [editor, reviewer]) {
    await title(page).focus();
    await page.keyboard.press("End");
  }
  await Promise.all([editor.keyboard.type(mine, { delay: 25 }), reviewer.keyboard.type(theirs, { delay: 25 })]);
  await expect(async () => {
    const [a, b] = [await title(editor).inputValue(), await title(reviewer).inputValue()];
    expect(a).toBe(b);
    expect(a).toHaveLength("Salt Hollow dam".length + mine.length + theirs.length);
    expect(a).toContain(mine);
    expect(a).toContain(theirs);
    expect(a.startsWith("Salt Hollow dam")).toBe(true);
  }).toPass({ timeout: 10_000 });

  // both at the start of the dek
  for (const page of [editor, reviewer]) {
    await dek(page).focus();
    await page.keyboard.press("Control+Home");
  }
  await Promise.all([editor.keyboard.type("Update 1: ", { delay: 25 }), reviewer.keyboard.type("Night shift: ", { delay: 25 })]);
  await expect(async () => {
    const [a, b] = [await dek(editor).inputValue(), await dek(reviewer).inputValue()];
    expect(a).toBe(b);
    expect(a).toContain("Update 1: ");
    expect(a).toContain("Night shift: ");
    expect(a.endsWith("Spillway open.")).toBe(true);
    expect(a).toHaveLength("Update 1: Night shift: Spillway open.".length);
  }).toPass({ timeout: 10_000 });
  await shot(editor, "title-two-people");

  // and the collaboration server stores what both see (titles and deks are stored with runs of
  // spaces collapsed)
  const stored = (text: string) => text.replace(/\s+/g, " ").trim();
  const shown = { title: stored(await title(editor).inputValue()), dek: stored(await dek(editor).inputValue()) };
  await expect
    .poll(async () => (await database().query<{ title: string; dek: string }>(`SELECT title, dek FROM "Explainer" WHERE id = $1`, [explainerId])).rows[0], { timeout: 15_000 })
    .toEqual(shown);
  await editorContext.close();
  await reviewerContext.close();
});
