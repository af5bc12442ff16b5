import { z } from "zod";
import { visibleText } from "@/lib/text/visible-text-schema";
import { withoutUnstorableCharacters } from "@/lib/text/unstorable-text";
import { ZExplainerDoc } from "./document";
import { ZVersion } from "@/lib/db/optimistic-lock";

/**
 * Shared input schemas for explainers: the domain functions validate with them and the editor
 * uses the same ones for instant feedback.
 */

const ZId = (what: string) => z.uuid({ error: `Unknown ${what}.` });

// title, dek and document text strip invisible and bidi-control characters (lib/text)
export const ZExplainerTitle = visibleText().trim().min(1, "Give the explainer a title.").max(300, "Titles are at most 300 characters.");
export const ZExplainerDek = visibleText().trim().max(1000, "The dek is at most 1,000 characters.");

export const ZCreateExplainer = z.object({
  storyId: ZId("story"),
  title: ZExplainerTitle,
});
export type TCreateExplainer = z.input<typeof ZCreateExplainer>;

export const ZSaveExplainerDraft = z.object({
  storyId: ZId("story"),
  explainerId: ZId("explainer"),
  /** the version the editor last loaded or saved; a stale one gets a conflict */
  version: ZVersion,
  title: ZExplainerTitle,
  dek: ZExplainerDek,
  content: ZExplainerDoc,
});
export type TSaveExplainerDraft = z.input<typeof ZSaveExplainerDraft>;

export const ZSubmitRevision = z.object({
  storyId: ZId("story"),
  explainerId: ZId("explainer"),
  /**
   * the version the writer saw, or "shared" from the co-editing editor, whose version moves with
   * every store of the shared document (submitRevision stores it first and snapshots that)
   */
  version: z.union([ZVersion, z.literal("shared")], { error: "Missing version." }),
  message: visibleText().trim().min(1, "Tell reviewers what changed.").max(2000, "Messages are at most 2,000 characters."),
});
export type TSubmitRevision = z.input<typeof ZSubmitRevision>;

export const ZAddExplainerNote = z.object({
  storyId: ZId("story"),
  explainerId: ZId("explainer"),
  // a NUL byte or a broken character cannot be stored: dropped, not refused
  body: visibleText().overwrite(withoutUnstorableCharacters).trim().min(1, "Write a note first.").max(8000, "Notes are at most 8,000 characters."),
});
export type TAddExplainerNote = z.input<typeof ZAddExplainerNote>;
