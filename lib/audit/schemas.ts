import { z } from "zod";
import { AUDIT_ACTION_NAMES } from "./audit-actions";

/** A calendar day that exists ("2026-02-30" and "2026-99-99" do not): otherwise no filter. */
const ZDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((day) => {
    const date = new Date(`${day}T00:00:00.000Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(day);
  })
  .optional()
  .catch(undefined);

/** Filters for the desk audit log; bad values fall back to "no filter" rather than erroring. */
export const ZAuditQuery = z.object({
  actorId: z.uuid().optional().catch(undefined),
  action: z.enum(AUDIT_ACTION_NAMES).optional().catch(undefined),
  from: ZDay,
  to: ZDay,
  cursor: z.uuid().optional().catch(undefined),
});
export type TAuditQuery = z.infer<typeof ZAuditQuery>;

export const AUDIT_PAGE_SIZE = 50;
