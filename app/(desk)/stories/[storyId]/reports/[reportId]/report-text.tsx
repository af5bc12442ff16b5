"use client";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useLayoutEffect, useMemo, useRef, useState, useTransition } from "react";
import { toast } from "sonner";
import { ClaimStatusBadge } from "@/components/claims/status-badge";
import { STATUS_STYLE } from "@/components/claims/status-style";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { Dialog } from "@/components/ui/dialog";
import { FormError, SelectField, TextAreaField, TextField } from "@/components/ui/field";
import { highlightSegments } from "@/lib/claims/highlight-segments";
import { CLAIM_STATUS_META } from "@/lib/claims/status-meta";
import { suggestClaimFields } from "@/lib/claims/suggest-claim-fields";
import { TAG_KINDS } from "@/lib/claims/schemas";
import type { ClaimStatus } from "@/lib/generated/prisma/enums";
import { reattachClaimAction, tagClaimAction } from "../../claims/actions";

export type ReaderClaim = { id: string; start: number; end: number; status: ClaimStatus; statement: string; anchorState: string };
export type ReaderSuggestion = { id: string; start: number; end: number };

// suggestion ids share the segment layer with claim ids; the prefix keeps them apart
const SUGGESTION_PREFIX = "suggestion:";
type Member = { id: string; name: string };
type Selection = { start: number; end: number };
type TagDraft = { kind: (typeof TAG_KINDS)[number]; value: string };

/** Absolute offset in the canonical text of a DOM position inside a `[data-offset]` segment. */
function offsetOf(node: Node, offsetInNode: number): number | null {
  const element = node.nodeType === Node.TEXT_NODE ? node.parentElement : (node as Element);
  const segment = element?.closest<HTMLElement>("[data-offset]");
  if (!segment) return null;
  if (node.nodeType !== Node.TEXT_NODE) {
    // element positions: before or after the segment's only text node
    return Number(segment.dataset.offset) + (offsetInNode > 0 ? (segment.textContent ?? "").length : 0);
  }
  return Number(segment.dataset.offset) + offsetInNode;
}

function TagClaimDialog({
  open,
  onOpenChange,
  text,
  selection,
  storyId,
  reportId,
  reportVersion,
  members,
  onTagged,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  text: string;
  selection: Selection;
  storyId: string;
  reportId: string;
  reportVersion: number;
  members: Member[];
  onTagged: (id: string) => void;
}) {
  const suggestion = useMemo(() => suggestClaimFields(text, selection.start, selection.end), [text, selection]);
  const [statement, setStatement] = useState(suggestion.statement);
  const [attribution, setAttribution] = useState(suggestion.attribution ?? "");
  const [tags, setTags] = useState<TagDraft[]>(suggestion.tags);
  const [newTag, setNewTag] = useState<TagDraft>({ kind: "PLACE", value: "" });
  const [assigneeId, setAssigneeId] = useState("");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  function submit() {
    startTransition(async () => {
      const result = await tagClaimAction({
        storyId,
        reportId,
        reportVersion,
        start: selection.start,
        end: selection.end,
        statement,
        attribution: attribution.trim() || null,
        tags,
        assigneeId: assigneeId || null,
      });
      if (result.ok) {
        toast.success("Claim tagged");
        onTagged(result.data.id);
      } else {
        setErrors(result.fieldErrors);
        setFormError(result.error);
      }
    });
  }

  return (
    <Dialog open={open} onOpenChange={onOpenChange} title="Tag a claim" description="A checkable statement from this report. Edit the prefilled fields as needed.">
      <form
        className="space-y-3"
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <FormError message={formError && !errors.statement ? formError : null} />
        <figure className="rounded-md border-l-4 border-accent bg-paper px-3 py-2">
          <figcaption className="text-xs font-medium text-muted">Quote</figcaption>
          <blockquote className="font-serif text-sm" data-testid="claim-quote">
            {text.slice(selection.start, selection.end)}
          </blockquote>
        </figure>
        <TextAreaField label="Statement" rows={2} value={statement} onChange={(event) => setStatement(event.currentTarget.value)} error={errors.statement} maxLength={1000} required />
        <TextField
          label="Attribution"
          value={attribution}
          onChange={(event) => setAttribution(event.currentTarget.value)}
          error={errors.attribution}
          maxLength={500}
          hint="Who says so, as the report puts it."
        />
        <fieldset>
          <legend className="text-sm font-medium">Tags</legend>
          <ul className="mt-1 flex flex-wrap gap-1" aria-label="Tags">
            {tags.map((tag, index) => (
              <li key={`${tag.kind}-${tag.value}`} className="flex items-center gap-1 rounded border border-line bg-white px-1.5 py-0.5 text-xs">
                <span className="text-muted">{tag.kind.toLowerCase()}</span> {tag.value}
                <button type="button" className="rounded px-0.5 hover:bg-paper" aria-label={`Remove tag ${tag.value}`} onClick={() => setTags((current) => current.filter((_, at) => at !== index))}>
                  ✕
                </button>
              </li>
            ))}
          </ul>
          <div className="mt-2 flex items-end gap-2">
            <label className="sr-only" htmlFor="new-tag-kind">
              Tag kind
            </label>
            <select
              id="new-tag-kind"
              value={newTag.kind}
              onChange={(event) => setNewTag({ ...newTag, kind: event.currentTarget.value as TagDraft["kind"] })}
              className="h-8 rounded border border-line bg-white px-1 text-sm"
            >
              {TAG_KINDS.map((kind) => (
                <option key={kind} value={kind}>
                  {kind.toLowerCase()}
                </option>
              ))}
            </select>
            <label className="sr-only" htmlFor="new-tag-value">
              New tag
            </label>
            <input
              id="new-tag-value"
              value={newTag.value}
              onChange={(event) => setNewTag({ ...newTag, value: event.currentTarget.value })}
              onKeyDown={(event) => {
                if (event.key === "Enter") {
                  event.preventDefault();
                  if (newTag.value.trim()) setTags((current) => [...current, { kind: newTag.kind, value: newTag.value.trim() }]);
                  setNewTag({ ...newTag, value: "" });
                }
              }}
              placeholder="Add a tag, press Enter"
              className="h-8 flex-1 rounded border border-line px-2 text-sm"
              maxLength={200}
            />
          </div>
          {errors.tags ? <p className="text-sm text-danger">{errors.tags}</p> : null}
        </fieldset>
        <SelectField label="Assignee" value={assigneeId} onChange={(event) => setAssigneeId(event.currentTarget.value)} error={errors.assigneeId}>
          <option value="">Nobody yet</option>
          {members.map((member) => (
            <option key={member.id} value={member.id}>
              {member.name}
            </option>
          ))}
        </SelectField>
        <div className="flex justify-end gap-2">
          <Button onClick={() => onOpenChange(false)}>Cancel</Button>
          <Button type="submit" variant="primary" pending={pending}>
            Tag claim
          </Button>
        </div>
      </form>
    </Dialog>
  );
}

/**
 * The report's canonical text with claim highlights. Select text and press T (or the button)
 * to tag a claim; click a highlight or its marker to see the claim. Overlapping claims nest.
 */
export function ReportText({
  storyId,
  reportId,
  reportVersion,
  text,
  paragraphKinds = [],
  claims,
  canTag,
  members,
  reattach,
  suggestions = [],
}: {
  storyId: string;
  reportId: string;
  reportVersion: number;
  text: string;
  /** per paragraph of text: "paragraph", "bullet" or "subhead"; [] when all are paragraphs */
  paragraphKinds?: string[];
  claims: ReaderClaim[];
  canTag: boolean;
  members: Member[];
  /** set when an editor came here to re-attach a claim that lost its place */
  reattach?: { claimId: string; version: number; statement: string } | null;
  /** sentences the desk proposes as claims: shown quietly, decided in the side list */
  suggestions?: ReaderSuggestion[];
}) {
  const router = useRouter();
  const [reattaching, startReattach] = useTransition();
  const container = useRef<HTMLDivElement>(null);
  const toggledAt = useRef<number | null>(null);
  const [showHighlights, setShowHighlights] = useState(true);
  const layers = useMemo(
    () => (showHighlights ? [...suggestions.map((suggestion) => ({ ...suggestion, id: `${SUGGESTION_PREFIX}${suggestion.id}`, status: "SUGGESTED" })), ...claims] : []),
    [claims, suggestions, showHighlights],
  );
  const paragraphs = useMemo(() => highlightSegments(text, layers), [text, layers]);
  const byId = useMemo(() => new Map(claims.map((claim) => [claim.id, claim])), [claims]);
  const [selection, setSelection] = useState<Selection | null>(null);
  const [dialogOpen, setDialogOpen] = useState(false);
  const [openClaimId, setOpenClaimId] = useState<string | null>(null);
  const openClaim = openClaimId ? byId.get(openClaimId) : undefined;

  // time from the toggle to the next frame with the highlights laid out (read by the perf test)
  useLayoutEffect(() => {
    const started = toggledAt.current;
    if (started === null) return;
    toggledAt.current = null;
    const frame = requestAnimationFrame(() => container.current?.setAttribute("data-highlight-ms", (performance.now() - started).toFixed(1)));
    return () => cancelAnimationFrame(frame);
  }, [paragraphs]);

  function readSelection() {
    const selected = window.getSelection();
    if (!selected || selected.rangeCount === 0 || selected.isCollapsed) return setSelection(null);
    const range = selected.getRangeAt(0);
    if (!container.current?.contains(range.commonAncestorContainer)) return setSelection(null);
    const start = offsetOf(range.startContainer, range.startOffset);
    const end = offsetOf(range.endContainer, range.endOffset);
    if (start === null || end === null || end <= start) return setSelection(null);
    // trim surrounding whitespace so the quote starts and ends on words
    let from = start;
    let to = end;
    while (from < to && /\s/.test(text[from]!)) from++;
    while (to > from && /\s/.test(text[to - 1]!)) to--;
    setSelection(to > from ? { start: from, end: to } : null);
  }

  useEffect(() => {
    if (!canTag || reattach) return;
    function onKey(event: KeyboardEvent) {
      const target = event.target as HTMLElement;
      if (target.closest("input, textarea, select, [contenteditable]")) return;
      if ((event.key === "t" || event.key === "T") && !event.metaKey && !event.ctrlKey && !event.altKey && selection) {
        event.preventDefault();
        setDialogOpen(true);
      }
    }
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [canTag, selection, reattach]);

  // a paragraph's text with its highlights; the element around it (p, li, h3) follows its kind
  const segmentsOf = (paragraph: (typeof paragraphs)[number]) => (
    <>
      {paragraph.segments.map((segment) => {
        const claimIds = segment.claimIds.filter((id) => !id.startsWith(SUGGESTION_PREFIX));
        const innermost = claimIds.length ? byId.get(claimIds[claimIds.length - 1]!) : undefined;
        const suggestionId = !innermost ? segment.claimIds.find((id) => id.startsWith(SUGGESTION_PREFIX))?.slice(SUGGESTION_PREFIX.length) : undefined;
        return (
          <span key={segment.start}>
            {segment.startsClaimIds.filter((id) => !id.startsWith(SUGGESTION_PREFIX)).map((id) => {
              const claim = byId.get(id);
              if (!claim) return null;
              return (
                <button
                  key={id}
                  type="button"
                  data-claim-marker={id}
                  onClick={() => setOpenClaimId(id)}
                  aria-label={`Claim: ${claim.statement} (${CLAIM_STATUS_META[claim.status].label})`}
                  className="mr-0.5 inline-flex h-4 min-w-4 items-center justify-center rounded-sm border border-current px-0.5 align-super font-sans text-[0.65rem] leading-none text-muted select-none hover:bg-paper"
                >
                  {STATUS_STYLE[claim.status].marker}
                </button>
              );
            })}
            <span
              data-offset={segment.start}
              data-claims={claimIds.join(" ") || undefined}
              data-suggested={suggestionId}
              title={suggestionId ? "Suggested claim: accept or dismiss it in the list beside the text" : undefined}
              onClick={
                innermost
                  ? () => setOpenClaimId(innermost.id)
                  : suggestionId
                    ? () => document.querySelector<HTMLElement>(`[data-suggestion="${suggestionId}"]`)?.focus()
                    : undefined
              }
              className={cn(
                innermost && "cursor-pointer underline decoration-2 underline-offset-4",
                innermost && STATUS_STYLE[innermost.status].highlight,
                claimIds.length > 1 && "ring-1 ring-ink/20",
                suggestionId && "cursor-pointer underline decoration-slate-400 decoration-dotted underline-offset-4",
              )}
            >
              {segment.text}
            </span>
          </span>
        );
      })}
    </>
  );

  return (
    <div>
      <div className="sticky top-0 z-10 -mx-2 mb-3 flex min-h-10 items-center gap-3 rounded-md bg-white/95 px-2 py-1 text-sm backdrop-blur" aria-live="polite">
        {claims.length > 0 ? (
          <Button
            size="sm"
            variant="ghost"
            aria-pressed={showHighlights}
            onClick={() => {
              toggledAt.current = performance.now();
              setShowHighlights((value) => !value);
            }}
          >
            {`${showHighlights ? "Hide" : "Show"} ${claims.length} highlight${claims.length === 1 ? "" : "s"}`}
          </Button>
        ) : null}
        {canTag && reattach ? (
          <span className="flex min-w-0 flex-1 items-center gap-3" data-testid="reattach-bar">
            <span className="truncate text-amber-900">
              Select the words that now carry: <strong>“{reattach.statement}”</strong>
            </span>
            <Button
              size="sm"
              variant="primary"
              disabled={!selection}
              pending={reattaching}
              onClick={() =>
                selection &&
                startReattach(async () => {
                  const result = await reattachClaimAction({ claimId: reattach.claimId, version: reattach.version, reportVersion, start: selection.start, end: selection.end });
                  if (result.ok) {
                    toast.success("Claim re-attached");
                    router.push(`/stories/${storyId}/claims/${reattach.claimId}`);
                  } else toast.error(result.error);
                })
              }
            >
              Re-attach here
            </Button>
          </span>
        ) : canTag ? (
          selection ? (
            <>
              <Button size="sm" variant="primary" onClick={() => setDialogOpen(true)} aria-keyshortcuts="T">
                Tag claim <kbd className="rounded bg-white/20 px-1 text-xs">T</kbd>
              </Button>
              <span className="truncate text-muted">“{text.slice(selection.start, selection.end).slice(0, 80)}”</span>
            </>
          ) : (
            <span className="text-muted">Select text to tag it as a claim.</span>
          )
        ) : null}
      </div>
      <div
        ref={container}
        data-testid="report-text"
        className="space-y-4 font-serif text-[1.05rem] leading-relaxed"
        onMouseUp={readSelection}
        onKeyUp={readSelection}
      >
        {blocksOf(paragraphs, paragraphKinds).map((block) =>
          block.kind === "bullet" ? (
            <ul key={block.items[0]!.start} className="space-y-1.5 pl-5" data-testid="report-bullets">
              {block.items.map((paragraph) => (
                // copy that carries its own mark ("• ", "1. ") keeps it as written; others get a disc
                <li key={paragraph.start} className={WRITTEN_BULLET.test(text.slice(paragraph.start, paragraph.start + 4)) ? "list-none" : "list-disc"}>
                  {segmentsOf(paragraph)}
                </li>
              ))}
            </ul>
          ) : block.kind === "subhead" ? (
            <h3 key={block.items[0]!.start} className="pt-2 font-sans text-base font-semibold" data-testid="report-subhead">
              {segmentsOf(block.items[0]!)}
            </h3>
          ) : (
            <p key={block.items[0]!.start}>{segmentsOf(block.items[0]!)}</p>
          ),
        )}
      </div>

      {openClaim ? (
        <aside aria-label="Selected claim" className="fixed right-4 bottom-4 z-20 w-80 rounded-lg border border-line bg-white p-4 shadow-lg" data-testid="claim-card">
          <div className="mb-2 flex items-center justify-between">
            <ClaimStatusBadge status={openClaim.status} />
            <button type="button" className="rounded p-1 text-muted hover:bg-paper" aria-label="Close claim" onClick={() => setOpenClaimId(null)}>
              ✕
            </button>
          </div>
          <p className="text-sm font-medium">{openClaim.statement}</p>
          {openClaim.anchorState === "FUZZY" ? <p className="mt-1 text-xs text-amber-800">The wording changed in a newer version; check the claim still holds.</p> : null}
          <Link href={`/stories/${storyId}/claims/${openClaim.id}`} className="mt-3 inline-block text-sm font-medium text-accent hover:underline">
            Open claim to verify →
          </Link>
        </aside>
      ) : null}

      {selection && dialogOpen ? (
        <TagClaimDialog
          key={`${selection.start}-${selection.end}`}
          open={dialogOpen}
          onOpenChange={setDialogOpen}
          text={text}
          selection={selection}
          storyId={storyId}
          reportId={reportId}
          reportVersion={reportVersion}
          members={members}
          onTagged={(id) => {
            setDialogOpen(false);
            setSelection(null);
            window.getSelection()?.removeAllRanges();
            setOpenClaimId(id);
            router.refresh();
          }}
        />
      ) : null}
    </div>
  );
}

const WRITTEN_BULLET = /^(?:[-*•–]|\d{1,2}[.)])\s/;

type Block<T> = { kind: "paragraph" | "bullet" | "subhead"; items: T[] };

/** Consecutive bullets form one list; every other paragraph is a block of its own. */
function blocksOf<T>(paragraphs: readonly T[], kinds: readonly string[]): Block<T>[] {
  const blocks: Block<T>[] = [];
  paragraphs.forEach((paragraph, index) => {
    const kind = kinds[index] === "bullet" || kinds[index] === "subhead" ? kinds[index] : "paragraph";
    const last = blocks[blocks.length - 1];
    if (kind === "bullet" && last?.kind === "bullet") last.items.push(paragraph);
    else blocks.push({ kind, items: [paragraph] });
  });
  return blocks;
}
