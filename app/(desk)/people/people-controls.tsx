"use client";
import { useFormSubmit } from "@/components/ui/use-form-submit";
import { useRouter } from "next/navigation";
import { useActionState, useState, useTransition } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { ConfirmActionButton } from "@/components/ui/confirm-action-button";
import { useToastedAction } from "@/components/ui/use-toasted-action";
import { Dialog } from "@/components/ui/dialog";
import { FormDialog } from "@/components/ui/form-dialog";
import { FormError, SelectField, TextField } from "@/components/ui/field";
import { changeRoleAction, createPersonAction, issuePasswordLinkAction, setPersonActiveAction } from "./actions";

type Person = { id: string; name: string; role: string; active: boolean; version: number };

function linkFor(token: string) {
  return `${window.location.origin}/set-password/${token}`;
}

function OneTimeLink({ token, name }: { token: string; name: string }) {
  // rendered only after a client-side action, so window is always there
  const link = linkFor(token);
  return (
    <div className="space-y-2">
      <p className="text-sm">
        Send this one-time link to <strong>{name}</strong>. It works once and expires in 72 hours. It will not be shown again.
      </p>
      <label className="block text-sm font-medium" htmlFor="one-time-link">
        Set-password link
      </label>
      <input id="one-time-link" readOnly value={link} className="w-full rounded-md border border-line bg-paper px-3 py-2 font-mono text-xs" onFocus={(e) => e.currentTarget.select()} />
      <Button
        size="sm"
        onClick={async () => {
          try {
            await navigator.clipboard.writeText(link);
            toast.success("Link copied");
          } catch {
            // clipboard access can be refused (permissions, insecure origin): the field stays selectable
            toast.error("Could not copy. Select the link in the field and copy it yourself.");
          }
        }}
      >
        Copy link
      </Button>
    </div>
  );
}

export function CreatePersonDialog() {
  return (
    <FormDialog title="Add a person" trigger={<Button variant="primary">Add person</Button>}>
      {(close) => <CreatePersonForm onClose={close} />}
    </FormDialog>
  );
}

function CreatePersonForm({ onClose }: { onClose: () => void }) {
  const router = useRouter();
  const [credential, setCredential] = useState<"link" | "password">("link");
  const [state, formAction, pending] = useActionState(async (previous: unknown, form: FormData) => {
    const result = await createPersonAction(previous, form);
    if (result.ok) {
      toast.success(`${result.data.name} added to the desk`);
      router.refresh();
    }
    return result;
  }, null);
  const submitForm = useFormSubmit(formAction);

  const errors = state && !state.ok ? state.fieldErrors : {};
  const created = state?.ok ? state.data : null;
  if (created) {
    return (
      <div className="space-y-4">
        {created.setPasswordToken ? (
          <OneTimeLink token={created.setPasswordToken} name={created.name} />
        ) : (
          <p className="text-sm">
            {created.name} can now sign in as <strong>{created.email}</strong> with the password you set.
          </p>
        )}
        <div className="flex justify-end">
          <Button onClick={onClose}>Done</Button>
        </div>
      </div>
    );
  }
  return (
    <form onSubmit={submitForm} className="space-y-4">
      <FormError message={state && !state.ok ? state.error : undefined} />
      <TextField label="Name" name="name" required maxLength={120} error={errors.name} autoComplete="off" />
      <TextField label="Email" name="email" type="email" required maxLength={254} error={errors.email} autoComplete="off" />
      <SelectField label="Role" name="role" defaultValue="EDITOR" error={errors.role}>
        <option value="VIEWER">Viewer — reads the desk, changes nothing</option>
        <option value="EDITOR">Editor — imports, tags, verifies, writes</option>
        <option value="REVIEWER">Reviewer — also approves others&apos; changes</option>
        <option value="ADMIN">Admin — also manages people and the desk</option>
      </SelectField>
      <fieldset className="space-y-1">
        <legend className="text-sm font-medium">First sign-in</legend>
        <label className="flex items-center gap-2 text-sm">
          <input type="radio" name="credential" value="link" checked={credential === "link"} onChange={() => setCredential("link")} />
          Give me a one-time set-password link
        </label>
        <label className="flex items-center gap-2 text-sm">
          <input type="radio" name="credential" value="password" checked={credential === "password"} onChange={() => setCredential("password")} />
          Set an initial password now
        </label>
      </fieldset>
      {credential === "password" ? (
        <TextField label="Initial password" name="password" type="password" autoComplete="new-password" error={errors.password} hint="At least 10 characters." />
      ) : null}
      <div className="flex justify-end gap-2">
        <Button onClick={onClose}>Cancel</Button>
        <Button type="submit" variant="primary" pending={pending}>
          Add person
        </Button>
      </div>
    </form>
  );
}

/** A role picker that saves only on an explicit "Save": an arrow key on a focused select must not change access. */
export function RoleSelect({ person, disabled }: { person: Person; disabled?: boolean }) {
  const [role, setRole] = useState(person.role);
  const [pending, run] = useToastedAction();
  const changed = role !== person.role;
  return (
    <span className="inline-flex items-center gap-1.5">
      <label className="sr-only" htmlFor={`role-${person.id}`}>
        Role of {person.name}
      </label>
      <select
        id={`role-${person.id}`}
        value={role}
        disabled={disabled || pending}
        className="h-8 rounded-md border border-line bg-white px-2 text-sm"
        onChange={(event) => setRole(event.currentTarget.value)}
      >
        <option value="VIEWER">Viewer</option>
        <option value="EDITOR">Editor</option>
        <option value="REVIEWER">Reviewer</option>
        <option value="ADMIN">Admin</option>
      </select>
      {changed ? (
        <>
          <Button
            size="sm"
            variant="primary"
            pending={pending}
            aria-label={`Save role of ${person.name}`}
            onClick={() =>
              run(() => changeRoleAction({ userId: person.id, role, version: person.version }), {
                success: () => `${person.name} is now ${role.toLowerCase()}`,
                onError: () => setRole(person.role),
              })
            }
          >
            Save
          </Button>
          <Button size="sm" variant="ghost" onClick={() => setRole(person.role)} disabled={pending}>
            Cancel
          </Button>
        </>
      ) : null}
    </span>
  );
}

export function ActiveToggle({ person }: { person: Person }) {
  const verb = person.active ? "Deactivate" : "Reactivate";
  return (
    <ConfirmActionButton
      trigger={verb}
      triggerVariant={person.active ? "danger" : "secondary"}
      title={`${verb} ${person.name}?`}
      description={
        person.active
          ? "They are signed out at their next request and cannot sign in until reactivated. Their work stays on the desk."
          : "They can sign in again with their existing password."
      }
      confirm={verb}
      confirmVariant={person.active ? "danger" : "primary"}
      action={() => setPersonActiveAction({ userId: person.id, active: !person.active, version: person.version })}
      success={`${person.name} ${person.active ? "deactivated" : "reactivated"}`}
    />
  );
}

export function NewLinkButton({ person }: { person: Person }) {
  const [token, setToken] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  return (
    <Dialog
      open={token !== null}
      onOpenChange={(next) => !next && setToken(null)}
      title={`Set-password link for ${person.name}`}
      trigger={
        <Button
          size="sm"
          variant="ghost"
          pending={pending}
          onClick={(event) => {
            event.preventDefault();
            startTransition(async () => {
              const result = await issuePasswordLinkAction({ userId: person.id });
              if (result.ok) setToken(result.data.token);
              else toast.error(result.error);
            });
          }}
        >
          New password link
        </Button>
      }
    >
      {token ? <OneTimeLink token={token} name={person.name} /> : null}
    </Dialog>
  );
}
