import "server-only";
import { db } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/permissions";
import { createExplainer } from "@/lib/explainers/create-explainer";
import type { BlockNode, ExplainerDoc, InlineNode } from "@/lib/explainers/document";
import { saveExplainerDraft } from "@/lib/explainers/save-explainer-draft";
import { submitRevision } from "@/lib/explainers/submit-revision";

export const DEMO_EXPLAINER_TITLE = "What to know about the fighting at the Tel Hamra crossing";

type Bullet = { text: string; claim: string; attribution?: string };

/** The demo explainer's sections; each bullet cites a demo claim by its statement. */
const SECTIONS: { title: string; bullets: Bullet[] }[] = [
  {
    title: "What happened",
    bullets: [{ text: "Eastern Liberation Command fighters seized the Tel Hamra crossing on the Sarhan river early on Thursday.", claim: "ELC fighters seized the Tel Hamra crossing early on 3 December" }],
  },
  {
    title: "What we know",
    bullets: [
      { text: "At least 12 soldiers were killed in the fighting,", claim: "At least 12 soldiers were killed", attribution: "Northgate Wire reported; the desk is still checking this" },
      { text: "About 4,200 people have left Deir al-Marun and nearby villages,", claim: "About 4,200 people fled Deir al-Marun and nearby villages", attribution: "according to the civilian monitor" },
    ],
  },
  {
    title: "What we don't know yet",
    bullets: [{ text: "Whether the town of Deir al-Marun has fallen: rebels say they hold it,", claim: "Rebels took control of Deir al-Marun", attribution: "according to rebel fighters; other sources dispute this" }],
  },
  {
    title: "What's next",
    bullets: [{ text: "Aid groups expect more families to leave the valley,", claim: "More than 5,000 people fled the area", attribution: "according to aid workers quoted by Atlas" }],
  },
];

/**
 * Writes the demo explainer on the demo story and submits it for review, so the editor, the
 * review queue and the diff have something to show. Only on a story without explainers.
 */
export async function seedDemoExplainer(storyId: string, editor: Actor): Promise<boolean> {
  if ((await db.explainer.count({ where: { storyId } })) > 0) return false;
  const claims = await db.claim.findMany({ where: { storyId }, select: { id: true, statement: true } });
  const claimId = (statement: string) => {
    const found = claims.find((claim) => claim.statement === statement);
    if (!found) throw new Error(`demo explainer cites an unknown demo claim: ${statement}`);
    return found.id;
  };
  const content: ExplainerDoc = {
    type: "doc",
    content: SECTIONS.flatMap((section): BlockNode[] => [
      { type: "heading", attrs: { level: 2 }, content: [{ type: "text", text: section.title }] },
      {
        type: "bulletList",
        content: section.bullets.map((bullet) => {
          const inline: InlineNode[] = [
            { type: "text", text: `${bullet.text} ` },
            { type: "citation", attrs: { claimId: claimId(bullet.claim), factId: null, attributed: Boolean(bullet.attribution), attribution: bullet.attribution ?? "" } },
          ];
          return { type: "listItem" as const, content: [{ type: "paragraph" as const, content: inline }] };
        }),
      },
    ]),
  };
  const explainer = await createExplainer(editor, { storyId, title: DEMO_EXPLAINER_TITLE });
  const saved = await saveExplainerDraft(editor, {
    storyId,
    explainerId: explainer.id,
    version: 1,
    title: DEMO_EXPLAINER_TITLE,
    dek: "Rebels took a key river crossing in the Sarhan valley; casualty and displacement figures are still being checked.",
    content,
  });
  await submitRevision(editor, { storyId, explainerId: explainer.id, version: saved.version, message: "First draft from the morning wires." });
  return true;
}
