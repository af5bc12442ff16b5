import { describe, expect, it } from "vitest";
import { bulletsOf, defaultExplainerDoc, documentText, extractCitations, TEMPLATE_SECTIONS, ZExplainerDoc, type ExplainerDoc } from "./document";

const CLAIM = "0190a8a2-1111-7000-8000-000000000001";
const FACT = "0190a8a2-2222-7000-8000-000000000002";

function docWith(bullets: unknown[]): unknown {
  return {
    type: "doc",
    content: [
      { type: "heading", attrs: { level: 2 }, content: [{ type: "text", text: "What we know" }] },
      { type: "bulletList", content: bullets.map((content) => ({ type: "listItem", content: [{ type: "paragraph", content }] })) },
    ],
  };
}

const cite = (attrs: Record<string, unknown>) => ({ type: "citation" as const, attrs: { claimId: null, factId: null, attributed: false, attribution: "", ...attrs } });

describe("explainer document", () => {
  it("starts new explainers with the four sections, each with an empty bullet", () => {
    const doc = defaultExplainerDoc();
    expect(ZExplainerDoc.safeParse(doc).success).toBe(true);
    expect(bulletsOf(doc).map((bullet) => bullet.section)).toEqual([...TEMPLATE_SECTIONS]);
    expect(bulletsOf(doc).every((bullet) => bullet.text === "" && bullet.citations.length === 0)).toBe(true);
  });

  it("accepts bullets with bold, italic, links and citations of claims and facts", () => {
    const doc = docWith([
      [
        { type: "text", text: "Rebels took the bridge", marks: [{ type: "bold" }] },
        cite({ claimId: CLAIM }),
        { type: "text", text: " see", marks: [{ type: "link", attrs: { href: "https://example.org/a", target: "_blank", rel: null, class: null, title: null } }] },
      ],
      [{ type: "text", text: "Shelling continued" }, cite({ factId: FACT, attributed: true, attribution: "according to two army sources" })],
    ]);
    const parsed = ZExplainerDoc.parse(doc);
    expect(extractCitations(parsed)).toEqual([
      { claimId: CLAIM, factId: null, attributed: false, attribution: "", form: "FACT", position: 0 },
      { claimId: null, factId: FACT, attributed: true, attribution: "according to two army sources", form: "ATTRIBUTED", position: 1 },
    ]);
    expect(bulletsOf(parsed).map((bullet) => [bullet.text, bullet.citations.length])).toEqual([
      ["Rebels took the bridge see", 1],
      ["Shelling continued", 1],
    ]);
    expect(documentText(parsed)).toBe("## What we know\n- Rebels took the bridge see\n- Shelling continued");
    expect(documentText(parsed, { citations: "marker" })).toContain(`[according to two army sources; fact:${FACT}]`);
  });

  it("refuses nodes, marks and links the desk does not allow", () => {
    const refused = [
      { type: "doc", content: [{ type: "heading", attrs: { level: 1 }, content: [{ type: "text", text: "Big" }] }] },
      { type: "doc", content: [{ type: "codeBlock", content: [{ type: "text", text: "x" }] }] },
      docWith([[{ type: "text", text: "x", marks: [{ type: "strike" }] }]]),
      docWith([[{ type: "text", text: "x", marks: [{ type: "link", attrs: { href: "javascript:alert(1)" } }] }]]),
      docWith([[{ type: "text", text: "x", marks: [{ type: "link", attrs: { href: "https://a.example", onclick: "x" } }] }]]),
      docWith([[cite({ claimId: CLAIM, factId: FACT })]]),
      docWith([[cite({})]]),
      docWith([[cite({ claimId: "not-a-uuid" })]]),
      docWith([[{ type: "text", text: "x".repeat(40_001) }]]),
      { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "<b>", extra: 1 }] }] },
    ];
    for (const doc of refused) expect(ZExplainerDoc.safeParse(doc).success, JSON.stringify(doc).slice(0, 80)).toBe(false);
  });

  it("treats a nested bullet as its own bullet", () => {
    const doc = {
      type: "doc",
      content: [
        {
          type: "bulletList",
          content: [
            {
              type: "listItem",
              content: [
                { type: "paragraph", content: [{ type: "text", text: "Parent" }, cite({ claimId: CLAIM })] },
                { type: "bulletList", content: [{ type: "listItem", content: [{ type: "paragraph", content: [{ type: "text", text: "Child" }] }] }] },
              ],
            },
          ],
        },
      ],
    } as unknown as ExplainerDoc;
    expect(ZExplainerDoc.safeParse(doc).success).toBe(true);
    expect(bulletsOf(doc).map((bullet) => [bullet.text, bullet.citations.length])).toEqual([
      ["Parent", 1],
      ["Child", 0],
    ]);
  });
});
