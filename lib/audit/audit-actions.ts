/**
 * Every action the audit log records, with the words the audit page shows for it. An audit row
 * can only be written with one of these (lib/audit/audit.ts), and the page's filter offers
 * exactly these. No server imports: the page and the filter schema read it too.
 */
export const AUDIT_ACTIONS = {
  "story.create": "Story created",
  "story.rename": "Story renamed",
  "story.archive": "Story archived",
  "story.unarchive": "Story restored from the archive",
  "person.create": "Person added",
  "person.change_role": "Role changed",
  "person.deactivate": "Person deactivated",
  "person.reactivate": "Person reactivated",
  "person.issue_password_link": "Password link issued",
  "person.set_password": "Password set",
  "api_token.create": "API token created",
  "api_token.revoke": "API token revoked",
  "report.import": "Report imported",
  "report.new_version": "New report version",
  "report.correction": "Report corrected by its source",
  "report.kill": "Report killed",
  "report.correct_metadata": "Report details corrected",
  "feed_source.add": "Feed source added",
  "feed_source.pause": "Feed source paused",
  "feed_source.resume": "Feed source resumed",
  "feed_source.remove": "Feed source removed",
  "claim.tag": "Claim tagged",
  "claim.edit": "Claim edited",
  "claim.set_status": "Claim status changed",
  "claim.assign": "Claim assigned",
  "claim.add_evidence": "Evidence added",
  "claim.comment": "Comment on a claim",
  "claim.reanchor": "Claim re-anchored to a new version",
  "claim.reattach": "Orphaned claim re-attached",
  "claim.retire": "Claim retired",
  "claim.confirm_anchor": "Claim anchor confirmed",
  "claim.flag_acknowledged": "Kill flag on a claim cleared",
  "suggestion.accept": "Suggestion accepted",
  "suggestion.dismiss": "Suggestion dismissed",
  "suggestion.merge": "Suggestion merged into a claim",
  "fact.confirm": "Fact confirmed",
  "fact.set_status": "Fact status set",
  "fact.split": "Fact split",
  "fact.merge": "Facts merged",
  "fact.move_claim": "Claim moved between facts",
  "tag.merge": "Tags merged",
  "tag.split": "Spelling split off a tag",
  "claim.confirm_reading": "Garbled passage checked against the original",
  "facts.reanalyze": "Story re-analysed",
  "explainer.create": "Explainer started",
  "explainer.save_draft": "Explainer draft saved",
  "explainer.co_edit": "Explainer co-edited",
  "explainer.note": "Note added to an explainer",
  "explainer.submit": "Revision submitted",
  "explainer.approve": "Revision approved",
  "explainer.request_changes": "Changes requested",
  "explainer.flag_rereview": "Flagged for re-review",
  "explainer.acknowledge_rereview": "Re-review flag acknowledged",
  "explainer.publish": "Explainer published",
  "explainer.publish_correction": "Correction published",
  "explainer.unpublish": "Explainer unpublished",
} as const satisfies Record<`${string}.${string}`, string>;

export type AuditAction = keyof typeof AUDIT_ACTIONS;

export const AUDIT_ACTION_NAMES = Object.keys(AUDIT_ACTIONS) as [AuditAction, ...AuditAction[]];

/** What an audit row is about (its `entityType` column). */
export type AuditEntityType = "story" | "user" | "api_token" | "report" | "claim" | "claim_suggestion" | "fact" | "explainer" | "feed_source" | "tag";

/** True for an action in the catalogue (rows from before the catalogue may hold others). */
export function isAuditAction(value: string): value is AuditAction {
  return Object.hasOwn(AUDIT_ACTIONS, value);
}
