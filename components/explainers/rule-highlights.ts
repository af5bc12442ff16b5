import { Extension } from "@tiptap/core";
import { Plugin, PluginKey } from "@tiptap/pm/state";
import { Decoration, DecorationSet } from "@tiptap/pm/view";
import type { Node as PMNode } from "@tiptap/pm/model";
import type { ExplainerDoc } from "@/lib/explainers/document";
import { checkWritingRules, type CitationTargetFacts, type RuleProblem } from "@/lib/explainers/writing-rules";

type Options = { targets: { readonly current: ReadonlyMap<string, CitationTargetFacts> } };

export const ruleHighlightsKey = new PluginKey<DecorationSet>("ruleHighlights");

/**
 * Marks bullets that break a writing rule, live, with the same checks the server runs on submit.
 * List items are numbered in document order, which is bulletsOf's order.
 */
function decorate(doc: PMNode, problems: readonly RuleProblem[]): DecorationSet {
  if (problems.length === 0) return DecorationSet.empty;
  const byBullet = new Map<number, string>();
  for (const problem of problems) if (!byBullet.has(problem.bulletIndex)) byBullet.set(problem.bulletIndex, problem.message);
  const decorations: Decoration[] = [];
  let index = 0;
  doc.descendants((node, pos) => {
    if (node.type.name !== "listItem") return true;
    const message = byBullet.get(index);
    if (message) decorations.push(Decoration.node(pos, pos + node.nodeSize, { class: "rule-problem", "data-rule-problem": message, title: message }));
    index += 1;
    return true;
  });
  return DecorationSet.create(doc, decorations);
}

export const RuleHighlights = Extension.create<Options>({
  name: "ruleHighlights",
  addOptions() {
    return { targets: { current: new Map() } };
  },
  addProseMirrorPlugins() {
    const options = this.options;
    const compute = (doc: PMNode) => decorate(doc, checkWritingRules(doc.toJSON() as ExplainerDoc, options.targets.current));
    return [
      new Plugin<DecorationSet>({
        key: ruleHighlightsKey,
        state: {
          init: (_, state) => compute(state.doc),
          // recompute on document changes, and when the editor says the targets changed
          apply: (tr, previous) => (tr.docChanged || tr.getMeta(ruleHighlightsKey) ? compute(tr.doc) : previous),
        },
        props: { decorations: (state) => ruleHighlightsKey.getState(state) },
      }),
    ];
  },
});
