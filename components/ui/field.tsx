import { useId, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes, type TextareaHTMLAttributes } from "react";
import { cn } from "./cn";

/** The look of a form control (input, textarea, select) on the desk; a red border when invalid. */
export const fieldControlClass =
  "block w-full rounded-md border bg-white px-3 py-2 text-sm text-ink placeholder:text-muted/70 disabled:bg-paper aria-[invalid=true]:border-danger";

type FieldShellProps = { label: string; error?: string; hint?: ReactNode; className?: string };

/**
 * A form control's frame: its label, then the control (and whatever goes with it), then its hint
 * or, in its place, its error. The control names `${id}-error` / `${id}-hint` through
 * `fieldDescribedBy`.
 */
export function FieldShell({ id, label, error, hint, className, children }: FieldShellProps & { id: string; children: ReactNode }) {
  return (
    <div className={cn("space-y-1", className)}>
      <label htmlFor={id} className="block text-sm font-medium text-ink">
        {label}
      </label>
      {children}
      {hint && !error ? (
        <p id={`${id}-hint`} className="text-xs text-muted">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="text-sm text-danger" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** The id of what describes a control now: its error, else its hint. */
export function fieldDescribedBy(id: string, error?: string, hint?: ReactNode) {
  return error ? `${id}-error` : hint ? `${id}-hint` : undefined;
}

/** A labelled text input with its error wired to aria-describedby. */
export function TextField({ label, error, hint, className, ...rest }: FieldShellProps & InputHTMLAttributes<HTMLInputElement>) {
  const generated = useId();
  const id = rest.id ?? generated;
  return (
    <FieldShell id={id} label={label} error={error} hint={hint} className={className}>
      <input
        {...rest}
        id={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={fieldDescribedBy(id, error, hint)}
        className={cn(fieldControlClass, "border-line")}
      />
    </FieldShell>
  );
}

export function TextAreaField({ label, error, hint, className, ...rest }: FieldShellProps & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  const generated = useId();
  const id = rest.id ?? generated;
  return (
    <FieldShell id={id} label={label} error={error} hint={hint} className={className}>
      <textarea
        {...rest}
        id={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={fieldDescribedBy(id, error, hint)}
        className={cn(fieldControlClass, "border-line")}
      />
    </FieldShell>
  );
}

export function SelectField({
  label,
  error,
  hint,
  className,
  children,
  ...rest
}: FieldShellProps & SelectHTMLAttributes<HTMLSelectElement>) {
  const generated = useId();
  const id = rest.id ?? generated;
  return (
    <FieldShell id={id} label={label} error={error} hint={hint} className={className}>
      <select
        {...rest}
        id={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={fieldDescribedBy(id, error, hint)}
        className={cn(fieldControlClass, "border-line pr-8")}
      >
        {children}
      </select>
    </FieldShell>
  );
}

/** A form-level error banner. */
export function FormError({ message }: { message?: string | null }) {
  if (!message) return null;
  return (
    <div role="alert" data-testid="form-error" className="rounded-md border border-danger/30 bg-red-50 px-3 py-2 text-sm text-danger">
      {message}
    </div>
  );
}
