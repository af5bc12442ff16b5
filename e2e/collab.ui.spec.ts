import { spawn, type ChildProcess } from "node:child_process";
import { mkdirSync, readFileSync } from "node:fs";
import { expect, test, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { redisAnswers } from "../lib/testing/redis-reachable";
import { PEOPLE_FILE, STORAGE, signIn } from "./support/auth";
import { buildPerson, buildStoryWithReport, database } from "./support/factories";
import { buildDraftExplainer } from "./support/explainer-factories";

/**
 * Live co-editing in real browsers. The first app (E2E_PORT) talks to the collaboration server
 * scripts/with-test-db.ts runs (COLLAB_PORT); tests that kill a server or need two instances start
 * their own: a second `next start` on E2E_PORT + 1 whose browsers use a collaboration server on
 * COLLAB_PORT + 1 that this file starts, stops and restarts.
 */
const APP_PORT = Number(process.env.E2E_PORT ?? 3107);
const COLLAB_PORT = Number(process.env.COLLAB_PORT ?? APP_PORT + 100);
const SECOND_APP_PORT = APP_PORT + 1;
const SECOND_COLLAB_PORT = COLLAB_PORT + 1;
const REDIS_URL = process.env.E2E_REDIS_URL || process.env.REDIS_URL || "redis://127.0.0.1:6379";

type Person = { id: string; name: string };
function people(): Record<"EDITOR" | "REVIEWER", Person> {
  return JSON.parse(readFileSync(PEOPLE_FILE, "utf8")) as Record<"EDITOR" | "REVIEWER", Person>;
}

async function shot(page: Page, name: string) {
  const dir = process.env.SHOTS_DIR;
  if (!dir) return;
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: `${dir}/${name}.png`, fullPage: false });
}

const STARTING_DOC = {
  type: "doc",
  content: [
    { type: "heading", attrs: { level: 2 }, content: [{ type: "text", text: "What happened" }] },
    { type: "paragraph", content: [{ type: "text", text: "First line:" }] },
    { type: "paragraph", content: [{ type: "text", text: "Second line:" }] },
  ],
};

/** A draft explainer (no stored Yjs state: the collaboration server builds it from the columns). */
async function draftExplainer(title: string): Promise<{ storyId: string; explainerId: string; url: string }> {
  const editor = people().EDITOR;
  const { storyId } = await buildStoryWithReport(editor, { title: `Ferry story ${Date.now()}`, text: "TALVAR, Dec 4 (Northgate) — The Talvar ferry stopped running after the storm, the port office said." });
  const explainerId = await buildDraftExplainer({ storyId, authorId: editor.id, title, dek: "Crossings stopped after the storm.", content: STARTING_DOC });
  return { storyId, explainerId, url: `/stories/${storyId}/explainers/${explainerId}` };
}

async function storedContent(explainerId: string): Promise<{ content: string; title: string; dek: string }> {
  const { rows } = await database().query<{ content: unknown; title: string; dek: string }>(`SELECT content, title, dek FROM "Explainer" WHERE id = $1`, [explainerId]);
  return { content: JSON.stringify(rows[0]?.content), title: rows[0]?.title ?? "", dek: rows[0]?.dek ?? "" };
}

function body(page: Page) {
  return page.getByRole("textbox", { name: "Explainer text" });
}

/** The document's text as people read it: other people's caret labels left out. */
async function documentText(page: Page): Promise<string> {
  return body(page).evaluate((element) => {
    const copy = element.cloneNode(true) as HTMLElement;
    for (const caret of copy.querySelectorAll(".collaboration-carets__caret")) caret.remove();
    return copy.innerText || copy.textContent || "";
  });
}

function titleField(page: Page) {
  return page.getByRole("textbox", { name: "Title", exact: true });
}

async function openEditor(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await expect(body(page)).toBeVisible({ timeout: 20_000 });
  await expect(page.locator("[data-collab-status]")).toHaveAttribute("data-collab-status", "connected", { timeout: 15_000 });
}

/** Where this person's own caret is, as the editor holds it: which paragraph, and whether at its end. */
async function ownCaret(page: Page): Promise<{ paragraph: number; atEnd: boolean }> {
  return body(page).evaluate((element) => {
    const selection = document.getSelection();
    const paragraphs = [...element.querySelectorAll("p")];
    const anchor = selection?.anchorNode ?? null;
    const paragraph = paragraphs.findIndex((p) => anchor !== null && p.contains(anchor));
    if (paragraph < 0 || !anchor || !selection) return { paragraph, atEnd: false };
    const range = document.createRange();
    range.selectNodeContents(paragraphs[paragraph]!);
    range.setStart(anchor, selection.anchorOffset);
    // only other people's caret labels may follow this person's caret
    const after = range.cloneContents();
    for (const caret of after.querySelectorAll(".collaboration-carets__caret")) caret.remove();
    return { paragraph, atEnd: (after.textContent ?? "") === "" };
  });
}

/**
 * Puts the caret at the end of the n-th paragraph of the document, and waits until it is there.
 * Under load a key pressed while another person's caret is being redrawn was lost once in about
 * sixty runs (not reproduced since); a person would see it and press End again, and so does this.
 * What these tests check is typing at once, not the End key.
 */
async function caretAtEndOf(page: Page, paragraphIndex: number): Promise<void> {
  await body(page).locator("p").nth(paragraphIndex).click();
  await page.keyboard.press("End");
  await expect(async () => {
    const caret = await ownCaret(page);
    if (!(caret.paragraph === paragraphIndex && caret.atEnd)) {
      await page.keyboard.press("End");
      expect(caret).toEqual({ paragraph: paragraphIndex, atEnd: true });
    }
  }).toPass({ timeout: 5_000 });
}

async function typeAtEndOf(page: Page, paragraphIndex: number, text: string): Promise<void> {
  await caretAtEndOf(page, paragraphIndex);
  await page.keyboard.type(text, { delay: 15 });
}

async function allSynced(page: Page): Promise<void> {
  await expect(page.locator("[data-unsynced]")).toHaveAttribute("data-unsynced", "0", { timeout: 20_000 });
}

async function waitFor(url: string, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not up yet
    }
    if (Date.now() > until) throw new Error(`${url} did not answer within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

function exited(child: ChildProcess): Promise<void> {
  return child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise((resolve) => child.once("exit", () => resolve()));
}

async function startCollabServer(port: number, redisUrl: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, ["--import", "tsx", "--conditions=react-server", "scripts/collab.ts"], {
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, COLLAB_PORT: String(port), REDIS_URL: redisUrl },
  });
  await waitFor(`http://127.0.0.1:${port}/health`, 30_000);
  return child;
}

async function startSecondApp(): Promise<ChildProcess> {
  const child = spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "-p", String(SECOND_APP_PORT)], {
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, PORT: String(SECOND_APP_PORT), COLLAB_PORT: String(SECOND_COLLAB_PORT), NEXTAUTH_URL: `http://localhost:${SECOND_APP_PORT}` },
  });
  await waitFor(`http://localhost:${SECOND_APP_PORT}/login`, 90_000);
  return child;
}

async function twoPeople(browser: Browser): Promise<{ editorContext: BrowserContext; reviewerContext: BrowserContext; editor: Page; reviewer: Page }> {
  const editorContext = await browser.newContext({ storageState: STORAGE.EDITOR, viewport: { width: 1280, height: 860 } });
  const reviewerContext = await browser.newContext({ storageState: STORAGE.REVIEWER, viewport: { width: 1280, height: 860 } });
  return { editorContext, reviewerContext, editor: await editorContext.newPage(), reviewer: await reviewerContext.newPage() };
}

test.describe("live co-editing on one instance", () => {
  test("two people type at once, converge to the same text, and see each other", async ({ browser }) => {
    const { explainerId, url } = await draftExplainer("Talvar ferry: what we know");
    const { editorContext, reviewerContext, editor, reviewer } = await twoPeople(browser);
    const { EDITOR, REVIEWER } = people();
    await Promise.all([openEditor(editor, url), openEditor(reviewer, url)]);

    // each sees the other in the presence bar, and themselves marked as "you"
    await expect(editor.getByTestId("presence-bar")).toContainText(REVIEWER.name);
    await expect(reviewer.getByTestId("presence-bar")).toContainText(EDITOR.name);
    await expect(editor.locator('[data-presence="you"]')).toContainText(EDITOR.name);

    await Promise.all([
      typeAtEndOf(editor, 0, " the ferry stopped after the storm on Tuesday."),
      typeAtEndOf(reviewer, 1, " the port office expects crossings to resume at dawn."),
    ]);
    // and both put their caret at the end of the same line and type at once: nobody's letters are
    // lost, and each person's words stay together (were one to press End while the other's words
    // arrive, their caret would land inside those words, and splitting them there is right)
    await Promise.all([caretAtEndOf(editor, 0), caretAtEndOf(reviewer, 0)]);
    await Promise.all([editor.keyboard.type(" [editor]", { delay: 15 }), reviewer.keyboard.type(" [reviewer]", { delay: 15 })]);
    // the title is shared too
    await titleField(editor).click();
    await editor.keyboard.press("End");
    await editor.keyboard.type(" (live)");
    await expect(titleField(reviewer)).toHaveValue("Talvar ferry: what we know (live)");

    await Promise.all([allSynced(editor), allSynced(reviewer)]);
    await expect(async () => {
      const [mine, theirs] = [await documentText(editor), await documentText(reviewer)];
      expect(mine).toBe(theirs);
      for (const part of ["the ferry stopped after the storm on Tuesday.", "the port office expects crossings to resume at dawn.", "[editor]", "[reviewer]"]) expect(mine).toContain(part);
    }).toPass({ timeout: 10_000 });
    // each person's words stay where that person put their caret
    await expect(body(reviewer).locator("p").nth(0)).toContainText("First line: the ferry stopped after the storm on Tuesday.");
    await expect(body(reviewer).locator("p").nth(1)).toHaveText(/^Second line: the port office expects crossings to resume at dawn\./);

    // undo takes back only this person's own typing: the editor's words stay, in both browsers
    await reviewer.keyboard.press("ControlOrMeta+z");
    for (const page of [reviewer, editor]) {
      await expect.poll(() => documentText(page)).not.toContain("[reviewer]");
      await expect.poll(() => documentText(page)).toContain("[editor]");
    }
    await reviewer.keyboard.press("ControlOrMeta+Shift+z");
    for (const page of [reviewer, editor]) await expect.poll(() => documentText(page)).toContain("[reviewer]");
    await Promise.all([allSynced(editor), allSynced(reviewer)]);

    // named carets: the other person's caret label is in the text (where each is focused)
    await body(editor).locator("p").nth(1).click();
    await expect(editor.locator(".collaboration-carets__label", { hasText: REVIEWER.name })).toBeVisible();
    await expect(reviewer.locator(".collaboration-carets__label", { hasText: EDITOR.name })).toBeVisible();
    await shot(editor, "collab-two-people-editor");
    await shot(reviewer, "collab-two-people-reviewer");

    // the collaboration server stores it: content, title and dek
    await expect
      .poll(async () => storedContent(explainerId), { timeout: 15_000 })
      .toMatchObject({ title: "Talvar ferry: what we know (live)", dek: "Crossings stopped after the storm." });
    await expect.poll(async () => (await storedContent(explainerId)).content, { timeout: 15_000 }).toContain("resume at dawn.");
    await editorContext.close();
    await reviewerContext.close();
  });

  test("a viewer sees the document live but cannot type", async ({ browser }) => {
    const { url } = await draftExplainer("Talvar ferry for viewers");
    const viewer = await buildPerson("VIEWER");
    const editorContext = await browser.newContext({ storageState: STORAGE.EDITOR });
    const viewerContext = await browser.newContext();
    const editor = await editorContext.newPage();
    const viewerPage = await viewerContext.newPage();
    await signIn(viewerPage, viewer);
    await Promise.all([openEditor(editor, url), openEditor(viewerPage, url)]);

    await expect(viewerPage.getByTestId("view-only")).toContainText("View only");
    await expect(body(viewerPage)).toHaveAttribute("contenteditable", "false");
    await expect(titleField(viewerPage)).toHaveAttribute("readonly", "");
    await expect(viewerPage.getByRole("button", { name: "View only" })).toBeDisabled();

    await typeAtEndOf(editor, 1, " Seen live by the viewer.");
    await expect(body(viewerPage)).toContainText("Seen live by the viewer.");
    await expect(editor.getByTestId("presence-bar")).toContainText(viewer.name);

    await body(viewerPage).locator("p").nth(1).click();
    await viewerPage.keyboard.type("viewer typing");
    await expect(body(editor)).not.toContainText("viewer typing");
    await expect(body(viewerPage)).not.toContainText("viewer typing");
    await editorContext.close();
    await viewerContext.close();
  });

  test("a paste larger than one change may be is refused in the editor with a message, shared with nobody, and typing goes on", async ({ browser }) => {
    const { url, explainerId } = await draftExplainer("Talvar ferry, oversized paste");
    const writerContext = await browser.newContext({ storageState: STORAGE.EDITOR });
    const readerContext = await browser.newContext({ storageState: STORAGE.REVIEWER });
    const writer = await writerContext.newPage();
    const reader = await readerContext.newPage();
    await Promise.all([openEditor(writer, url), openEditor(reader, url)]);

    await caretAtEndOf(writer, 1);
    // 300,000 characters: over what one change may carry (COLLAB_MAX_UPDATE_BYTES, 1 MiB by default)
    await body(writer).evaluate((element) => {
      const data = new DataTransfer();
      data.setData("text/plain", `PASTED ${"x".repeat(300_000)}`);
      element.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
    });
    const alert = writer.getByTestId("size-limit");
    await expect(alert).toContainText("too much to add at once (over 1 MB), so it was not added");
    await shot(writer, "size-limit");
    await expect(body(writer)).not.toContainText("PASTED");

    await typeAtEndOf(writer, 1, " Typing goes on.");
    await expect(body(reader)).toContainText("Typing goes on.");
    await allSynced(writer);
    await expect.poll(async () => (await storedContent(explainerId)).content, { timeout: 10_000 }).toContain("Typing goes on.");
    expect((await storedContent(explainerId)).content).not.toContain("PASTED");
    await alert.getByRole("button", { name: "Dismiss" }).click();
    await expect(alert).toBeHidden();
    await writerContext.close();
    await readerContext.close();
  });
});

test.describe.serial("live co-editing across a server restart and two instances", () => {
  let secondApp: ChildProcess | undefined;
  let secondCollab: ChildProcess | undefined;
  let redisUp = false;

  test.beforeAll(async () => {
    test.setTimeout(150_000);
    redisUp = await redisAnswers(REDIS_URL);
    secondCollab = await startCollabServer(SECOND_COLLAB_PORT, redisUp ? REDIS_URL : "");
    secondApp = await startSecondApp();
  });

  test.afterAll(async () => {
    for (const child of [secondApp, secondCollab]) {
      if (child && child.exitCode === null && child.signalCode === null) {
        child.kill("SIGTERM");
        await exited(child);
      }
    }
  });

  test("the collaboration server is killed and restarted mid-session, and no edit is lost", async ({ browser }) => {
    test.setTimeout(120_000);
    const { explainerId, url } = await draftExplainer("Talvar ferry through an outage");
    const { editorContext, reviewerContext, editor, reviewer } = await twoPeople(browser);
    const second = `http://localhost:${SECOND_APP_PORT}${url}`;
    await Promise.all([openEditor(editor, second), openEditor(reviewer, second)]);

    await typeAtEndOf(editor, 0, " before the outage (editor).");
    await typeAtEndOf(reviewer, 1, " before the outage (reviewer).");
    await Promise.all([allSynced(editor), allSynced(reviewer)]);

    // a hard kill: nothing gets a chance to store on the way out
    secondCollab!.kill("SIGKILL");
    await exited(secondCollab!);
    for (const page of [editor, reviewer]) {
      await expect(page.locator("[data-collab-status]")).toHaveText("Reconnecting… your edits are kept and will merge", { timeout: 15_000 });
    }
    // typing is not blocked while the server is gone
    await typeAtEndOf(editor, 0, " during the outage (editor).");
    await typeAtEndOf(reviewer, 1, " during the outage (reviewer).");
    await expect(editor.locator("[data-unsynced]")).not.toHaveAttribute("data-unsynced", "0");
    await shot(editor, "collab-reconnecting");

    secondCollab = await startCollabServer(SECOND_COLLAB_PORT, redisUp ? REDIS_URL : "");
    for (const page of [editor, reviewer]) {
      await expect(page.locator("[data-collab-status]")).toHaveAttribute("data-collab-status", "connected", { timeout: 30_000 });
      await allSynced(page);
    }
    const everything = ["before the outage (editor).", "before the outage (reviewer).", "during the outage (editor).", "during the outage (reviewer)."];
    await expect(async () => {
      const [mine, theirs] = [await documentText(editor), await documentText(reviewer)];
      expect(mine).toBe(theirs);
      for (const part of everything) expect(mine).toContain(part);
    }).toPass({ timeout: 15_000 });
    await expect(async () => {
      const { content } = await storedContent(explainerId);
      for (const part of everything) expect(content).toContain(part);
    }).toPass({ timeout: 20_000 });
    await editorContext.close();
    await reviewerContext.close();
  });

  test("two app instances share documents through Redis", async ({ browser }) => {
    test.setTimeout(90_000);
    if (!redisUp) {
      const reason = `Redis at ${REDIS_URL} does not answer: the two-instance test needs it.`;
      if (process.env.CI) throw new Error(reason);
      console.log(`skipped: ${reason}`);
      test.skip(true, reason);
    }
    const health = (await (await fetch(`http://127.0.0.1:${COLLAB_PORT}/health`)).json()) as { redis: boolean };
    if (!health.redis) throw new Error(`the collaboration server on ${COLLAB_PORT} (from with-test-db) runs without Redis although ${REDIS_URL} answers`);

    const { explainerId, url } = await draftExplainer("Talvar ferry on two instances");
    const { editorContext, reviewerContext, editor, reviewer } = await twoPeople(browser);
    const { EDITOR, REVIEWER } = people();
    // the editor on the first app and its collaboration server, the reviewer on the second
    await Promise.all([openEditor(editor, url), openEditor(reviewer, `http://localhost:${SECOND_APP_PORT}${url}`)]);
    expect(new URL(editor.url()).port).toBe(String(APP_PORT));
    expect(new URL(reviewer.url()).port).toBe(String(SECOND_APP_PORT));

    await typeAtEndOf(editor, 0, " typed on instance one.");
    await expect(body(reviewer)).toContainText("typed on instance one.", { timeout: 15_000 });
    await typeAtEndOf(reviewer, 1, " typed on instance two.");
    await expect(body(editor)).toContainText("typed on instance two.", { timeout: 15_000 });
    await expect(editor.getByTestId("presence-bar")).toContainText(REVIEWER.name);
    await expect(reviewer.getByTestId("presence-bar")).toContainText(EDITOR.name);

    await Promise.all([allSynced(editor), allSynced(reviewer)]);
    await expect(async () => expect(await documentText(editor)).toBe(await documentText(reviewer))).toPass({ timeout: 10_000 });
    await expect(async () => {
      const { content } = await storedContent(explainerId);
      expect(content).toContain("typed on instance one.");
      expect(content).toContain("typed on instance two.");
    }).toPass({ timeout: 20_000 });
    await editorContext.close();
    await reviewerContext.close();
  });
});
