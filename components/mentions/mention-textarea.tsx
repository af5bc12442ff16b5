"use client";
import { useEffect, useId, useLayoutEffect, useRef, useState, type TextareaHTMLAttributes } from "react";
import { cn } from "@/components/ui/cn";
import { FieldShell, fieldControlClass, fieldDescribedBy } from "@/components/ui/field";
import { completeMention, mentionTriggerAt, type MentionTrigger } from "./mention-trigger";

type Person = { id: string; name: string; role: string };

type Props = Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, "value" | "onChange"> & {
  label: string;
  value: string;
  onValueChange: (value: string) => void;
  error?: string;
  hint?: string;
};

const ROLE_LABEL: Record<string, string> = { ADMIN: "Admin", REVIEWER: "Reviewer", EDITOR: "Editor", VIEWER: "Viewer" };

/**
 * A labelled comment field that offers desk members when someone types "@": the list comes from
 * the server (only people who may comment get it), follows the typing, and is worked with the
 * arrow keys, Enter or Tab to pick and Escape to close (the ARIA autocomplete-list pattern: focus
 * stays in the field, the active option is its aria-activedescendant). Picking writes
 * "@Full Name", which the server reads as a mention when the comment is saved.
 */
export function MentionTextarea({ label, value, onValueChange, error, hint, className, id: givenId, ...rest }: Props) {
  const generated = useId();
  const id = givenId ?? generated;
  const listId = `${id}-people`;
  const field = useRef<HTMLTextAreaElement>(null);
  const [trigger, setTrigger] = useState<MentionTrigger | null>(null);
  const [people, setPeople] = useState<Person[]>([]);
  // who is highlighted, by id: a list that refreshes under the arrow keys keeps them highlighted
  // (and the first person is, when they are gone)
  const [activeId, setActiveId] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);
  // the query the shown list answers (the list stays while the next one loads)
  const [answered, setAnswered] = useState<string | null>(null);
  // Escape (or picking someone) closes the list until the next "@"
  const [closedAt, setClosedAt] = useState<number | null>(null);
  const open = trigger !== null && trigger.start !== closedAt;
  // where the caret goes once a picked mention is in the field: placed as the new value commits,
  // before the next keystroke is handled (a caret placed a frame later would move words the
  // person already typed after the name)
  const caretAfterPick = useRef<{ text: string; caret: number } | null>(null);
  useLayoutEffect(() => {
    const element = field.current;
    const pending = caretAfterPick.current;
    if (!element || !pending) return;
    caretAfterPick.current = null;
    if (element.value !== pending.text) return;
    element.focus();
    element.setSelectionRange(pending.caret, pending.caret);
  }, [value]);
  const active = Math.max(0, people.findIndex((person) => person.id === activeId));

  const query = open ? trigger.query : null;
  useEffect(() => {
    if (query === null) return;
    const controller = new AbortController();
    const timer = window.setTimeout(() => {
      fetch(`/api/people/mentionable?q=${encodeURIComponent(query)}`, { signal: controller.signal, cache: "no-store" })
        .then(async (response) => {
          if (!response.ok) throw new Error(String(response.status));
          const body = (await response.json()) as { people: Person[] };
          setPeople(body.people);
          setFailed(false);
          setAnswered(query);
        })
        .catch((reason: unknown) => {
          if (!controller.signal.aborted) {
            setPeople([]);
            setFailed(!(reason instanceof DOMException));
            setAnswered(query);
          }
        });
    }, 120);
    return () => {
      window.clearTimeout(timer);
      controller.abort();
    };
  }, [query]);

  const readTrigger = (element: HTMLTextAreaElement) => {
    const caret = element.selectionStart === element.selectionEnd ? element.selectionStart : null;
    const next = caret === null ? null : mentionTriggerAt(element.value, caret);
    setTrigger(next);
    if (!next) setClosedAt(null);
  };

  const pick = (person: Person) => {
    const element = field.current;
    if (!element || !trigger) return;
    const done = completeMention(element.value, trigger, element.selectionStart, person.name);
    onValueChange(done.text);
    // the finished mention does not reopen the list while the person types on after it
    setClosedAt(trigger.start);
    setTrigger(null);
    setPeople([]);
    setActiveId(null);
    caretAfterPick.current = { text: done.text, caret: done.caret };
  };

  // only a list that answers what is typed now: Enter or Tab must never pick a stale name
  const showList = open && answered === query && people.length > 0;
  const describedBy = [fieldDescribedBy(id, error, hint), `${id}-mention-status`].filter(Boolean).join(" ");
  return (
    <FieldShell id={id} label={label} error={error} hint={hint} className={cn("relative", className)}>
      <textarea
        {...rest}
        ref={field}
        id={id}
        value={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        aria-autocomplete="list"
        aria-controls={showList ? listId : undefined}
        aria-activedescendant={showList && people[active] ? `${listId}-${people[active].id}` : undefined}
        onChange={(event) => {
          onValueChange(event.currentTarget.value);
          readTrigger(event.currentTarget);
        }}
        onSelect={(event) => readTrigger(event.currentTarget)}
        onBlur={() => setTrigger(null)}
        onKeyDown={(event) => {
          if (!showList) return;
          if (event.key === "ArrowDown" || event.key === "ArrowUp") {
            event.preventDefault();
            const step = event.key === "ArrowDown" ? 1 : -1;
            setActiveId(people[(active + step + people.length) % people.length]!.id);
          } else if (event.key === "Enter" || event.key === "Tab") {
            event.preventDefault();
            const person = people[active];
            if (person) pick(person);
          } else if (event.key === "Escape") {
            // close the list, not the dialog around the field
            event.preventDefault();
            event.stopPropagation();
            setClosedAt(trigger?.start ?? null);
          }
        }}
        className={cn(fieldControlClass, "border-line")}
      />
      {showList ? (
        <ul id={listId} role="listbox" aria-label="People to mention" className="absolute left-0 right-0 z-20 max-h-64 overflow-auto rounded-md border border-line bg-white py-1 shadow-lg">
          {people.map((person, index) => (
            <li
              key={person.id}
              id={`${listId}-${person.id}`}
              role="option"
              aria-selected={index === active}
              // keep focus (and the caret) in the field
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => pick(person)}
              onMouseEnter={() => setActiveId(person.id)}
              className={cn("flex cursor-pointer items-center justify-between gap-2 px-3 py-1.5 text-sm", index === active ? "bg-blue-100 text-accent-strong" : "text-ink")}
            >
              <span className="truncate">{person.name}</span>
              <span className="shrink-0 text-xs text-muted">{ROLE_LABEL[person.role] ?? person.role}</span>
            </li>
          ))}
        </ul>
      ) : null}
      <p id={`${id}-mention-status`} role="status" className="sr-only">
        {open && answered === query ? (failed ? "The list of people could not be loaded." : people.length === 0 ? "No one on the desk matches." : `${people.length} ${people.length === 1 ? "person matches" : "people match"}; arrow keys to choose, Enter to mention.`) : ""}
      </p>
    </FieldShell>
  );
}
