/**
 * Length limits of the public texts an editor writes when publishing. Kept apart from the zod
 * schemas so the publish controls (client) can use them without shipping zod to the browser.
 */
export const CORRECTION_NOTE_MAX = 4000;
export const UNPUBLISH_NOTICE_MAX = 2000;
