"use client";
import { useCallback, useEffect, useRef, useState } from "react";
import type { ActionResult } from "@/lib/http/action-result";
import type { ExplainerDoc } from "@/lib/explainers/document";

export type Draft = { title: string; dek: string; content: ExplainerDoc };

/** What is kept on this device until the server has it. */
export type LocalBackup = Draft & { explainerId: string; baseVersion: number; changedAt: string };

export type SaveStatus =
  | { kind: "saved"; at: string }
  | { kind: "unsaved" }
  | { kind: "saving" }
  | { kind: "offline" }
  | { kind: "conflict"; message: string }
  | { kind: "error"; message: string };

type SaveResult = ActionResult<{ version: number; state: string; savedAt: string; changed: boolean }>;

const DEBOUNCE_MS = 1000;
const RETRY_MS = 8000;

export function backupKey(explainerId: string): string {
  return `wiredesk:explainer-draft:${explainerId}`;
}

export function readBackup(explainerId: string): LocalBackup | null {
  try {
    const raw = window.localStorage.getItem(backupKey(explainerId));
    if (!raw) return null;
    const parsed = JSON.parse(raw) as LocalBackup;
    return parsed.explainerId === explainerId && parsed.content?.type === "doc" ? parsed : null;
  } catch {
    return null;
  }
}

function writeBackup(backup: LocalBackup): void {
  try {
    window.localStorage.setItem(backupKey(backup.explainerId), JSON.stringify(backup));
  } catch {
    // storage full or disabled: the server save still runs; the status line says if it fails
  }
}

export function clearBackup(explainerId: string): void {
  try {
    window.localStorage.removeItem(backupKey(explainerId));
  } catch {
    // nothing to clear
  }
}

/**
 * Debounced, versioned autosave. Every change is written to localStorage at once (a reload, a
 * closed tab or a lost connection loses nothing) and to the server a moment later with the
 * version it was based on. A stale version stops autosaving and shows the conflict: nothing is
 * overwritten silently. Offline saves retry when the browser is back online.
 */
export function useAutosave(options: {
  explainerId: string;
  storyId: string;
  initialVersion: number;
  initialSavedAt: string;
  save: (input: Draft & { storyId: string; explainerId: string; version: number }) => Promise<SaveResult>;
  onSaved?: (result: { version: number; state: string }) => void;
}) {
  const { explainerId, storyId, save, onSaved } = options;
  const [status, setStatus] = useState<SaveStatus>({ kind: "saved", at: options.initialSavedAt });
  const version = useRef(options.initialVersion);
  const pending = useRef<Draft | null>(null);
  const inFlight = useRef<Promise<void> | null>(null);
  const timer = useRef<number | undefined>(undefined);
  const stopped = useRef(false);
  // the retry timer and the follow-up save call the latest flush through this
  const flushRef = useRef<() => Promise<boolean>>(async () => false);

  const flush = useCallback(async (): Promise<boolean> => {
    window.clearTimeout(timer.current);
    if (inFlight.current) await inFlight.current;
    const draft = pending.current;
    if (!draft) return !stopped.current;
    if (stopped.current) return false;
    pending.current = null;
    setStatus({ kind: "saving" });
    let ok = false;
    const run = (async () => {
      try {
        // ProseMirror builds attrs objects without a prototype, which server actions refuse to
        // serialize (they arrive as opaque references); a JSON round trip makes them plain
        const plain = JSON.parse(JSON.stringify(draft)) as Draft;
        const result = await save({ ...plain, storyId, explainerId, version: version.current });
        if (result.ok) {
          version.current = result.data.version;
          if (!pending.current) {
            clearBackup(explainerId);
            setStatus({ kind: "saved", at: result.data.savedAt });
          }
          onSaved?.(result.data);
          ok = true;
        } else if (result.kind === "conflict") {
          stopped.current = true;
          setStatus({ kind: "conflict", message: result.error });
        } else {
          pending.current ??= draft;
          setStatus({ kind: "error", message: result.error });
        }
      } catch {
        // the request did not reach the server (offline, server restarting): keep the draft and retry
        pending.current ??= draft;
        setStatus({ kind: "offline" });
        timer.current = window.setTimeout(() => void flushRef.current(), RETRY_MS);
      }
    })();
    inFlight.current = run;
    await run;
    inFlight.current = null;
    if (ok && pending.current) return flushRef.current();
    return ok;
  }, [explainerId, onSaved, save, storyId]);
  useEffect(() => {
    flushRef.current = flush;
  }, [flush]);

  const change = useCallback(
    (draft: Draft) => {
      writeBackup({ ...draft, explainerId, baseVersion: version.current, changedAt: new Date().toISOString() });
      if (stopped.current) return;
      pending.current = draft;
      setStatus((current) => (current.kind === "offline" ? current : { kind: "unsaved" }));
      window.clearTimeout(timer.current);
      timer.current = window.setTimeout(() => void flush(), DEBOUNCE_MS);
    },
    [explainerId, flush],
  );

  useEffect(() => {
    const online = () => void flush();
    window.addEventListener("online", online);
    return () => {
      window.removeEventListener("online", online);
      window.clearTimeout(timer.current);
    };
  }, [flush]);

  /** After a submission bumped the version on the server. */
  const setVersion = useCallback((next: number) => {
    version.current = next;
  }, []);
  const currentVersion = useCallback(() => version.current, []);

  return { status, change, flush, setVersion, currentVersion };
}
