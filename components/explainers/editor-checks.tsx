"use client";
import type { Editor } from "@tiptap/react";
import type { ExplainerForEditor } from "@/lib/explainers/get-explainer";
import type { RuleProblem } from "@/lib/explainers/writing-rules";

/*
 * The editor's checks column: the writing-rule problems that block submission (each a link to
 * its bullet) and the review history with reviewers' comments.
 */

/** Position of the n-th list item (bullet) in document order. */
function bulletPosition(editor: Editor, bulletIndex: number): number | null {
  let index = 0;
  let found: number | null = null;
  editor.state.doc.descendants((node, pos) => {
    if (found !== null) return false;
    if (node.type.name === "listItem") {
      if (index === bulletIndex) found = pos;
      index += 1;
    }
    return true;
  });
  return found;
}

/** Puts the caret in the bullet a problem is about and scrolls it into view. */
export function goToBullet(editor: Editor | null, problem: RuleProblem): void {
  if (!editor) return;
  const pos = bulletPosition(editor, problem.bulletIndex);
  if (pos !== null) editor.chain().focus().setTextSelection(pos + 2).scrollIntoView().run();
}

export function ChecksList({ problems, onGoTo }: { problems: readonly RuleProblem[]; onGoTo: (problem: RuleProblem) => void }) {
  return (
    <section aria-labelledby="checks-title" className="rounded-lg border border-line bg-white p-3" data-testid="rule-checks">
      <h2 id="checks-title" className="text-sm font-semibold">
        Checks before review{" "}
        {problems.length === 0 ? <span className="font-normal text-ok">— all bullets are cited correctly</span> : <span className="font-normal text-danger">— {problems.length} to fix</span>}
      </h2>
      {problems.length > 0 ? (
        <ul className="mt-2 space-y-1 text-sm">
          {problems.map((problem, index) => (
            <li key={`${problem.bulletIndex}-${problem.kind}-${index}`} className="flex items-start gap-2">
              <span aria-hidden className="text-danger">
                ●
              </span>
              <span className="min-w-0 flex-1">
                <span className="text-muted">{problem.section ? `${problem.section}: ` : ""}</span>“{problem.excerpt}” — {problem.message}
              </span>
              <button type="button" className="shrink-0 text-xs text-accent underline" onClick={() => onGoTo(problem)}>
                Go to bullet
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}

export function ReviewHistory({ reviews }: { reviews: ExplainerForEditor["reviews"] }) {
  if (reviews.length === 0) return null;
  return (
    <section aria-labelledby="reviews-title" className="rounded-lg border border-line bg-white p-3">
      <h2 id="reviews-title" className="text-sm font-semibold">
        Reviewers’ comments
      </h2>
      <ul className="mt-2 space-y-2 text-sm">
        {reviews.map((review) => (
          <li key={review.id} className="border-l-2 border-line pl-2">
            <p className="text-xs text-muted">
              Revision {review.revisionNumber} · {review.decision === "APPROVED" ? "Approved" : "Changes requested"} by {review.reviewer} · {new Date(review.createdAt).toLocaleString()}
            </p>
            {review.comment ? <p className="whitespace-pre-wrap">{review.comment}</p> : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
