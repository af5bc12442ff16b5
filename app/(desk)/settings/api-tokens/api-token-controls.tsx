"use client";
import { useFormSubmit } from "@/components/ui/use-form-submit";
import { useRouter } from "next/navigation";
import { useActionState, useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { ConfirmActionButton } from "@/components/ui/confirm-action-button";
import { FormDialog } from "@/components/ui/form-dialog";
import { FormError, TextField } from "@/components/ui/field";
import { createApiTokenAction, revokeApiTokenAction } from "./actions";

function NewTokenOnce({ name, token, onDone }: { name: string; token: string; onDone: () => void }) {
  const [copied, setCopied] = useState(false);
  return (
    <div className="space-y-3">
      <p role="alert" className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">
        Copy the token for <strong>{name}</strong> now. It will not be shown again: the desk keeps only a fingerprint of it.
      </p>
      <label className="block text-sm font-medium" htmlFor="new-api-token">
        API token
      </label>
      <input
        id="new-api-token"
        readOnly
        value={token}
        className="w-full rounded-md border border-line bg-paper px-3 py-2 font-mono text-xs"
        onFocus={(event) => event.currentTarget.select()}
      />
      <p className="text-xs text-muted">
        Send it as <code className="font-mono">Authorization: Bearer {token.slice(0, 10)}…</code>
      </p>
      <div className="flex justify-end gap-2">
        <Button
          onClick={async () => {
            try {
              await navigator.clipboard.writeText(token);
              setCopied(true);
              toast.success("Token copied");
            } catch {
              toast.error("Could not copy; select the token and copy it by hand.");
            }
          }}
        >
          {copied ? "Copied" : "Copy token"}
        </Button>
        <Button variant="primary" onClick={onDone}>
          Done
        </Button>
      </div>
    </div>
  );
}

export function CreateApiTokenDialog() {
  return (
    <FormDialog
      title="Create an API token"
      description="One token per wire system or script, so each can be revoked on its own."
      trigger={<Button variant="primary">Create token</Button>}
    >
      {(close) => <CreateApiTokenForm onClose={close} />}
    </FormDialog>
  );
}

function CreateApiTokenForm({ onClose }: { onClose: () => void }) {
  const router = useRouter();
  const [state, formAction, pending] = useActionState(async (_previous: unknown, form: FormData) => {
    const name = form.get("name");
    const result = await createApiTokenAction({ name: typeof name === "string" ? name : "" });
    if (result.ok) router.refresh();
    return result;
  }, null);
  const submitForm = useFormSubmit(formAction);

  if (state?.ok) return <NewTokenOnce name={state.data.name} token={state.data.token} onDone={onClose} />;
  const errors = state && !state.ok ? state.fieldErrors : {};
  return (
    <form onSubmit={submitForm} className="space-y-4">
      <FormError message={state && !state.ok && !errors.name ? state.error : undefined} />
      <TextField
        label="Name"
        name="name"
        required
        maxLength={120}
        autoComplete="off"
        error={errors.name}
        hint="Who or what will use it, e.g. “Agency feed bridge”."
      />
      <div className="flex justify-end gap-2">
        <Button onClick={onClose}>Cancel</Button>
        <Button type="submit" variant="primary" pending={pending}>
          Create token
        </Button>
      </div>
    </form>
  );
}

export function RevokeApiTokenButton({ token }: { token: { id: string; name: string } }) {
  return (
    <ConfirmActionButton
      trigger="Revoke"
      triggerLabel={`Revoke ${token.name}`}
      title={`Revoke “${token.name}”?`}
      description="Requests with this token are refused from now on. This cannot be undone; the reports it imported stay."
      confirm="Revoke token"
      action={() => revokeApiTokenAction({ tokenId: token.id })}
      success={`${token.name} revoked`}
    />
  );
}
