import { z } from "zod";

const ZDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .optional()
  .catch(undefined);

/** Filters for the desk audit log; bad values fall back to "no filter" rather than erroring. */
export const ZAuditQuery = z.object({
  actorId: z.uuid().optional().catch(undefined),
  action: z.string().regex(/^[a-z_]+\.[a-z_]+$/).max(100).optional().catch(undefined),
  from: ZDay,
  to: ZDay,
  cursor: z.uuid().optional().catch(undefined),
});
export type TAuditQuery = z.infer<typeof ZAuditQuery>;

export const AUDIT_PAGE_SIZE = 50;
