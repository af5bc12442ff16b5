"use client";
import { useState, type ReactNode } from "react";
import { Dialog } from "./dialog";

/**
 * A dialog holding a form that starts afresh on every opening: the form is remounted, so no
 * earlier errors, action result or one-time secret (a token, a set-password link) survive a close.
 */
export function FormDialog({
  title,
  description,
  trigger,
  children,
}: {
  title: string;
  description?: string;
  trigger: ReactNode;
  /** the form, given the way to close the dialog (Cancel, or done) */
  children: (close: () => void) => ReactNode;
}) {
  const [open, setOpen] = useState(false);
  const [opening, setOpening] = useState(0);
  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (next) setOpening((count) => count + 1);
      }}
      title={title}
      description={description}
      trigger={trigger}
    >
      <div key={opening}>{children(() => setOpen(false))}</div>
    </Dialog>
  );
}
