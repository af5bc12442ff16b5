import { z } from "zod";
import { ZEmail, ZNewPassword } from "@/lib/auth/schemas";
import { ZVersion } from "@/lib/db/optimistic-lock";
import { withoutUnstorableCharacters } from "@/lib/text/unstorable-text";

export const ROLES = ["VIEWER", "EDITOR", "REVIEWER", "ADMIN"] as const;
export const ZRole = z.enum(ROLES, { error: "Choose a role: viewer, editor, reviewer or admin." });

export const ZPersonName = z
  .string({ error: "Enter a name." })
  .trim()
  .min(1, "Enter a name.")
  .max(120, "Names are at most 120 characters.");

export const ZCreatePerson = z.discriminatedUnion("credential", [
  z.object({ name: ZPersonName, email: ZEmail, role: ZRole, credential: z.literal("password"), password: ZNewPassword }),
  z.object({ name: ZPersonName, email: ZEmail, role: ZRole, credential: z.literal("link") }),
]);
export type TCreatePerson = z.infer<typeof ZCreatePerson>;

const ZUserId = z.uuid({ error: "Unknown person." });

export const ZChangeRole = z.object({ userId: ZUserId, role: ZRole, version: ZVersion });
export type TChangeRole = z.infer<typeof ZChangeRole>;

export const ZSetActive = z.object({ userId: ZUserId, active: z.boolean(), version: ZVersion });
export type TSetActive = z.infer<typeof ZSetActive>;

export const ZIssuePasswordLink = z.object({ userId: ZUserId });
export type TIssuePasswordLink = z.infer<typeof ZIssuePasswordLink>;

export const ZSetPasswordWithToken = z
  .object({ token: z.string().min(20).max(200), password: ZNewPassword, confirm: z.string() })
  .refine((value) => value.password === value.confirm, { message: "The passwords do not match.", path: ["confirm"] });
export type TSetPasswordWithToken = z.infer<typeof ZSetPasswordWithToken>;


/** What someone typed after "@" in a comment: the start of a name or an email. */
export const ZMentionQuery = z.object({
  query: z.string().overwrite(withoutUnstorableCharacters).trim().max(120, "Names are at most 120 characters.").default(""),
});
export type TMentionQuery = z.input<typeof ZMentionQuery>;
