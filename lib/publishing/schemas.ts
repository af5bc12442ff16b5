import { z } from "zod";
import { CORRECTION_NOTE_MAX, UNPUBLISH_NOTICE_MAX } from "./limits";
import { ZVersion } from "@/lib/db/optimistic-lock";

export { CORRECTION_NOTE_MAX, UNPUBLISH_NOTICE_MAX };

/**
 * Input schemas for publishing, shared by the domain functions and the publish controls. Every
 * change names the explainer's story (lookups are by (id, storyId)) and the version the person
 * saw, so a stale screen gets a conflict instead of publishing something it never showed.
 */

const ZId = (what: string) => z.uuid({ error: `Unknown ${what}.` });

const ZTarget = {
  explainerId: ZId("explainer"),
  storyId: ZId("story"),
  version: ZVersion,
};

export const ZPublishExplainer = z.object(ZTarget);
export type TPublishExplainer = z.infer<typeof ZPublishExplainer>;

export const CORRECTION_NOTE_MIN = 10;
export const ZPublishCorrection = z.object({
  ...ZTarget,
  note: z
    .string({ error: "Write the public correction note." })
    .trim()
    .min(CORRECTION_NOTE_MIN, `Write a public note of at least ${CORRECTION_NOTE_MIN} characters saying what was corrected.`)
    .max(CORRECTION_NOTE_MAX, `Correction notes are at most ${CORRECTION_NOTE_MAX.toLocaleString("en")} characters.`),
});
export type TPublishCorrection = z.infer<typeof ZPublishCorrection>;

export const UNPUBLISH_NOTICE_MIN = 10;
export const ZUnpublishExplainer = z.object({
  ...ZTarget,
  notice: z
    .string({ error: "Write the notice readers will see." })
    .trim()
    .min(UNPUBLISH_NOTICE_MIN, `Write a notice of at least ${UNPUBLISH_NOTICE_MIN} characters telling readers why it was taken down.`)
    .max(UNPUBLISH_NOTICE_MAX, `Notices are at most ${UNPUBLISH_NOTICE_MAX.toLocaleString("en")} characters.`),
});
export type TUnpublishExplainer = z.infer<typeof ZUnpublishExplainer>;

/** Slugs as the public URL accepts them; anything else is a 404 without a database query. */
export const ZPublicSlug = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,199}$/);
