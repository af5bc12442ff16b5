import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { isDomainError } from "@/lib/errors/domain-errors";
import { buildClaim, buildExplainer, buildStory, buildUser } from "@/lib/testing/factories";
import { storeReport } from "@/lib/reports/store-report";
import { buildReportInput } from "@/lib/testing/factories";
import { createStory, renameStory, setStoryArchived } from "@/lib/stories/mutate-story";
import { tagClaim } from "@/lib/claims/tag-claim";
import { editClaim } from "@/lib/claims/edit-claim";
import { setClaimStatus } from "@/lib/claims/set-claim-status";
import { addComment } from "@/lib/claims/comments";
import { createExplainer } from "@/lib/explainers/create-explainer";
import { saveExplainerDraft } from "@/lib/explainers/save-explainer-draft";
import { createPerson } from "@/lib/people/create-person";
import { createApiToken } from "@/lib/api-tokens/create-api-token";
import { approveRevision } from "@/lib/review/decide-revision";
import { authenticate } from "@/lib/auth/authenticate";
import { listBoardClaims } from "@/lib/claims/list-board-claims";
import { listStories } from "@/lib/stories/list-stories";
import { uniqueClientAddress } from "@/lib/testing/factories";

/**
 * Hostile input against every domain verb the forms and routes call: each must either succeed
 * or refuse with a typed DomainError (a 4xx), never throw anything else (a 500), and a refused
 * call must leave no row behind.
 */

function deep(levels: number): unknown {
  let value: unknown = "x";
  for (let i = 0; i < levels; i++) value = { a: value, title: value };
  return value;
}

const HOSTILE_VALUES: unknown[] = [
  null,
  undefined,
  0,
  -1,
  1e308,
  Number.NaN,
  true,
  [],
  [null],
  {},
  { __proto__: { admin: true } },
  "",
  "\u0000",
  "title\u0000with NUL",
  "\ud800",
  "lone low \udc00 surrogate",
  "\u202Edesrever\u202C",
  "\u200B\u200B\u200B",
  "<script>alert(1)</script>",
  "<img src=x onerror=alert(1)>",
  "' OR 1=1 --",
  "x".repeat(300_000),
  "😀".repeat(5000),
  deep(200),
  ["a", { b: "\u0000" }],
];

type Verb = { name: string; call: (hostile: unknown) => Promise<unknown> };

describe("hostile input never becomes a server error", () => {
  it("every domain verb answers each hostile value with success or a typed refusal, and refusals write nothing", async () => {
    const admin = await buildUser({ role: "ADMIN" });
    const story = await buildStory(admin.actor);
    const stored = await storeReport(admin.actor, buildReportInput(story.id), "PASTE");
    const reportId = (stored as { reportId: string }).reportId;
    const claim = await buildClaim({ storyId: story.id, reportId, createdById: admin.id });
    const explainer = await buildExplainer({ storyId: story.id, createdById: admin.id });

    // each verb gets the hostile value in every field in turn, and as the whole input
    const fieldsOf: Record<string, Record<string, unknown>> = {
      createStory: { title: "A story", description: "" },
      renameStory: { storyId: story.id, version: story.version, title: "Renamed", description: "" },
      setStoryArchived: { storyId: story.id, version: 999, archived: false },
      tagClaim: { storyId: story.id, reportId, reportVersion: 1, start: 0, end: 10, statement: "Rebels seized it", attribution: null, tags: [] },
      editClaim: { claimId: claim.id, version: 999, statement: "S", attribution: null, tags: [] },
      setClaimStatus: { claimId: claim.id, version: 999, status: "IN_PROGRESS" },
      addComment: { claimId: claim.id, body: "A comment" },
      createExplainer: { storyId: story.id, title: "What to know" },
      saveExplainerDraft: { storyId: story.id, explainerId: explainer.id, version: 999, title: "T", dek: "", content: { type: "doc", content: [] } },
      createPerson: { name: "N", email: "hostile@test.wiredesk.example", role: "EDITOR", credential: "link" },
      createApiToken: { name: "Wire" },
      approveRevision: { storyId: story.id, explainerId: explainer.id, revisionId: crypto.randomUUID(), comment: "" },
      authenticate: { email: "nobody@test.wiredesk.example", password: "guess-guess" },
    };
    const verbs: Record<string, Verb["call"]> = {
      createStory: (input) => createStory(admin.actor, input),
      renameStory: (input) => renameStory(admin.actor, input),
      setStoryArchived: (input) => setStoryArchived(admin.actor, input),
      tagClaim: (input) => tagClaim(admin.actor, input),
      editClaim: (input) => editClaim(admin.actor, input),
      setClaimStatus: (input) => setClaimStatus(admin.actor, input),
      addComment: (input) => addComment(admin.actor, input),
      createExplainer: (input) => createExplainer(admin.actor, input),
      saveExplainerDraft: (input) => saveExplainerDraft(admin.actor, input),
      createPerson: (input) => createPerson(admin.actor, input),
      createApiToken: (input) => createApiToken(admin.actor, input),
      approveRevision: (input) => approveRevision(admin.actor, input),
      authenticate: (input) => authenticate(input, uniqueClientAddress()),
    };
    const queries = [
      (hostile: unknown) => listBoardClaims(admin.actor, story.id, { q: hostile, tag: hostile, status: hostile, page: hostile }),
      (hostile: unknown) => listStories(admin.actor, { q: hostile, page: hostile, status: hostile }),
    ];

    const serverErrors: string[] = [];
    let calls = 0;
    let refusals = 0;
    const auditBefore = await db.auditEvent.count();
    let successes = 0;

    const attempt = async (label: string, call: () => Promise<unknown>) => {
      calls += 1;
      try {
        await call();
        successes += 1;
      } catch (error) {
        if (isDomainError(error)) refusals += 1;
        else serverErrors.push(`${label}: ${error instanceof Error ? `${error.name}: ${error.message.slice(0, 200)}` : String(error)}`);
      }
    };

    for (const [name, call] of Object.entries(verbs)) {
      for (const [index, hostile] of HOSTILE_VALUES.entries()) {
        await attempt(`${name}(whole input #${index})`, () => call(hostile));
        for (const field of Object.keys(fieldsOf[name]!)) {
          await attempt(`${name}.${field} #${index}`, () => call({ ...fieldsOf[name], [field]: hostile }));
        }
      }
    }
    for (const [index, query] of queries.entries()) {
      for (const [h, hostile] of HOSTILE_VALUES.entries()) await attempt(`query ${index} #${h}`, () => query(hostile));
    }

    expect(serverErrors).toEqual([]);
    expect(calls).toBeGreaterThanOrEqual(200);
    expect(refusals).toBeGreaterThan(0);
    // every audit event belongs to a call that succeeded: a refused call wrote nothing
    const written = (await db.auditEvent.count()) - auditBefore;
    expect(written).toBeLessThanOrEqual(successes);
    // nothing unstorable reached a table
    const stories = await db.story.findMany({ where: { createdById: admin.id }, select: { title: true } });
    for (const { title } of stories) expect(title).not.toMatch(/\u0000|[\u200B\u202A-\u202E]/);
    console.log(`hostile input: ${calls} calls, ${refusals} refused, ${successes} accepted, 0 server errors`);
  }, 300_000);
});
