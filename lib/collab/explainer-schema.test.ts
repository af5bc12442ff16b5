import { describe, expect, it } from "vitest";
import { prosemirrorJSONToYDoc, yXmlFragmentToProseMirrorRootNode } from "@tiptap/y-tiptap";
import { ZExplainerDoc } from "@/lib/explainers/document";
import { canonicalExplainerDocument, explainerSchema } from "./explainer-schema";

const everyNode = {
  type: "doc",
  content: [
    { type: "heading", attrs: { level: 2 }, content: [{ type: "text", text: "What we know" }] },
    {
      type: "bulletList",
      content: [
        {
          type: "listItem",
          content: [
            {
              type: "paragraph",
              content: [
                { type: "text", text: "Ferries resumed ", marks: [{ type: "bold" }] },
                { type: "text", text: "at dawn", marks: [{ type: "italic" }] },
                { type: "hardBreak" },
                { type: "citation", attrs: { claimId: "0191e0a4-7c1e-7c2a-9a1b-4e5f6a7b8c9d", factId: null, attributed: true, attribution: "according to the port authority", form: "ATTRIBUTED" } },
              ],
            },
            {
              type: "bulletList",
              content: [{ type: "listItem", content: [{ type: "paragraph", content: [{ type: "citation", attrs: { claimId: null, factId: "0191e0a4-7c1e-7c2a-9a1b-4e5f6a7b8c9e", attributed: false, attribution: "", form: null } }] }] }],
            },
          ],
        },
      ],
    },
    { type: "orderedList", attrs: { start: 1, type: null }, content: [{ type: "listItem", content: [{ type: "paragraph", content: [{ type: "text", text: "Next briefing at noon." }] }] }] },
  ],
};

describe("explainer schema for live co-editing", () => {
  it("round-trips every allowed node and mark through a Yjs document unchanged", () => {
    expect(ZExplainerDoc.safeParse(everyNode).success).toBe(true);
    const ydoc = prosemirrorJSONToYDoc(explainerSchema(), everyNode, "default");
    const back = yXmlFragmentToProseMirrorRootNode(ydoc.getXmlFragment("default"), explainerSchema()).toJSON();
    expect(ZExplainerDoc.safeParse(back).success).toBe(true);
    expect(back).toEqual(everyNode);
  });

  it("knows only the explainer's nodes and marks", () => {
    const schema = explainerSchema();
    expect(Object.keys(schema.nodes).sort()).toEqual(["bulletList", "citation", "doc", "hardBreak", "heading", "listItem", "orderedList", "paragraph", "text"]);
    expect(Object.keys(schema.marks).sort()).toEqual(["bold", "italic", "link"]);
  });
});

describe("comparing explainer documents", () => {
  const list = { type: "bulletList", content: [{ type: "listItem", content: [{ type: "paragraph", content: [{ type: "text", text: "Pylons fell near Orsk." }] }] }] };
  it("counts the editor's empty paragraph after a final list as no change", () => {
    expect(canonicalExplainerDocument({ type: "doc", content: [list, { type: "paragraph" }] })).toBe(canonicalExplainerDocument({ type: "doc", content: [list] }));
  });
  it("still sees a real change, and an empty paragraph between blocks", () => {
    const paragraph = { type: "paragraph", content: [{ type: "text", text: "Crews restored power." }] };
    expect(canonicalExplainerDocument({ type: "doc", content: [list, paragraph] })).not.toBe(canonicalExplainerDocument({ type: "doc", content: [list] }));
    expect(canonicalExplainerDocument({ type: "doc", content: [{ type: "paragraph" }, list] })).not.toBe(canonicalExplainerDocument({ type: "doc", content: [list] }));
  });
});
