"use client";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { Timestamp } from "@/components/ui/relative-time";
import { MentionTextarea } from "@/components/mentions/mention-textarea";
import type { ActionResult } from "@/lib/http/action-result";
import type { ExplainerNote } from "@/lib/explainers/explainer-notes";

type AddNoteAction = (input: unknown) => Promise<ActionResult<ExplainerNote>>;

/**
 * Notes beside the editor: for the explainer's writers and reviewers, never published. "@" offers
 * desk members; a mentioned person gets a notification that opens this editor.
 */
export function ExplainerNotes({
  storyId,
  explainerId,
  notes,
  canWrite,
  addNote,
}: {
  storyId: string;
  explainerId: string;
  notes: readonly ExplainerNote[];
  canWrite: boolean;
  addNote: AddNoteAction;
}) {
  const router = useRouter();
  const [body, setBody] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  return (
    <section aria-labelledby="notes-title" className="rounded-lg border border-line bg-white p-3" data-testid="explainer-notes">
      <h2 id="notes-title" className="text-sm font-semibold">
        Notes <span className="font-normal text-muted">({notes.length}) — for the desk, not published</span>
      </h2>
      {notes.length === 0 ? (
        <p className="mt-2 text-sm text-muted">No notes yet. Ask a colleague something with @ and their name.</p>
      ) : (
        <ul className="mt-2 space-y-2 text-sm">
          {notes.map((note) => (
            <li key={note.id} className="border-l-2 border-line pl-2">
              <p className="text-xs text-muted">
                <span className="font-medium text-ink">{note.author.name}</span> · <Timestamp value={note.createdAt} />
                {note.mentions.length > 0 ? ` · mentions ${note.mentions.map((person) => person.name).join(", ")}` : ""}
              </p>
              <p className="mt-0.5 whitespace-pre-wrap break-words">{note.body}</p>
            </li>
          ))}
        </ul>
      )}
      {canWrite ? (
        <form
          aria-label="Add a note"
          className="mt-3 space-y-2"
          onSubmit={(event) => {
            event.preventDefault();
            startTransition(async () => {
              const result = await addNote({ storyId, explainerId, body });
              if (result.ok) {
                setBody("");
                setError(null);
                router.refresh();
              } else setError(result.fieldErrors.body ?? result.error);
            });
          }}
        >
          <MentionTextarea
            label="Note"
            rows={2}
            maxLength={8000}
            value={body}
            onValueChange={setBody}
            error={error ?? undefined}
            hint="Type @ and a name to mention someone; they get a notification."
          />
          <Button type="submit" size="sm" pending={pending}>
            Add note
          </Button>
        </form>
      ) : null}
    </section>
  );
}
