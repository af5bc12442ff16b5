"use client";
import { useState, type ReactNode } from "react";
import { Button } from "./button";
import { Dialog } from "./dialog";
import { useToastedAction, type ActionOutcome } from "./use-toasted-action";

type Variant = "primary" | "secondary" | "danger";

/**
 * A button whose action is asked about first (remove, revoke, deactivate, archive): the dialog
 * says what will happen; confirming runs the server action, toasts its outcome and reloads the
 * page's data. The dialog stays open on a refusal so its message can be read beside the question.
 */
export function ConfirmActionButton<T>({
  trigger,
  triggerLabel,
  triggerVariant = "danger",
  title,
  description,
  confirm,
  confirmVariant = "danger",
  action,
  success,
}: {
  trigger: ReactNode;
  /** the trigger's accessible name, when its text alone does not say what it acts on */
  triggerLabel?: string;
  triggerVariant?: Variant;
  title: string;
  description: string;
  confirm: ReactNode;
  confirmVariant?: Variant;
  action: () => Promise<ActionOutcome<T>>;
  success: string | ((data: T) => string);
}) {
  const [open, setOpen] = useState(false);
  const [pending, run] = useToastedAction();
  return (
    <Dialog
      open={open}
      onOpenChange={setOpen}
      title={title}
      description={description}
      trigger={
        <Button size="sm" variant={triggerVariant} aria-label={triggerLabel}>
          {trigger}
        </Button>
      }
    >
      <div className="flex justify-end gap-2">
        <Button onClick={() => setOpen(false)}>Cancel</Button>
        <Button
          variant={confirmVariant}
          pending={pending}
          onClick={() => run(action, { success: typeof success === "string" ? () => success : success, onSuccess: () => setOpen(false) })}
        >
          {confirm}
        </Button>
      </div>
    </Dialog>
  );
}
