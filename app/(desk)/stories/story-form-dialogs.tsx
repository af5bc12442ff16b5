"use client";
import { useFormSubmit } from "@/components/ui/use-form-submit";
import { useRouter } from "next/navigation";
import { useActionState, useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { ConfirmActionButton } from "@/components/ui/confirm-action-button";
import { Dialog } from "@/components/ui/dialog";
import { FormError, TextAreaField, TextField } from "@/components/ui/field";
import { createStoryAction, renameStoryAction, setStoryArchivedAction } from "./actions";

export function CreateStoryDialog() {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [state, formAction, pending] = useActionState(async (previous: unknown, form: FormData) => {
    const result = await createStoryAction(previous, form);
    if (result.ok) {
      toast.success(`Story “${result.data.title}” created`);
      router.push(`/stories/${result.data.id}/reports`);
    }
    return result;
  }, null);
  const submitForm = useFormSubmit(formAction);

  const errors = state && !state.ok ? state.fieldErrors : {};
  return (
    <Dialog
      open={open}
      onOpenChange={setOpen}
      title="New story"
      description="A story groups the reports, claims and explainers about one event."
      trigger={<Button variant="primary">New story</Button>}
    >
      <form onSubmit={submitForm} className="space-y-4">
        <FormError message={state && !state.ok && !Object.keys(errors).length ? state.error : undefined} />
        <TextField label="Title" name="title" required maxLength={200} error={errors.title} placeholder="e.g. Sarhan river offensive, December" />
        <TextAreaField label="Description" name="description" rows={3} maxLength={2000} error={errors.description} hint="Optional. What the desk is covering." />
        <div className="flex justify-end gap-2">
          <Button onClick={() => setOpen(false)}>Cancel</Button>
          <Button type="submit" variant="primary" pending={pending}>
            Create story
          </Button>
        </div>
      </form>
    </Dialog>
  );
}

export function EditStoryDialog({ story }: { story: { id: string; title: string; description: string; version: number } }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [state, formAction, pending] = useActionState(async (previous: unknown, form: FormData) => {
    const result = await renameStoryAction(previous, form);
    if (result.ok) {
      toast.success("Story updated");
      setOpen(false);
      router.refresh();
    }
    return result;
  }, null);
  const submitForm = useFormSubmit(formAction);

  const errors = state && !state.ok ? state.fieldErrors : {};
  return (
    <Dialog open={open} onOpenChange={setOpen} title="Rename story" trigger={<Button size="sm">Rename</Button>}>
      <form onSubmit={submitForm} className="space-y-4">
        <input type="hidden" name="storyId" value={story.id} />
        <input type="hidden" name="version" value={story.version} />
        <FormError message={state && !state.ok && !Object.keys(errors).length ? state.error : undefined} />
        <TextField label="Title" name="title" required maxLength={200} defaultValue={story.title} error={errors.title} />
        <TextAreaField label="Description" name="description" rows={3} maxLength={2000} defaultValue={story.description} error={errors.description} />
        <div className="flex justify-end gap-2">
          <Button onClick={() => setOpen(false)}>Cancel</Button>
          <Button type="submit" variant="primary" pending={pending}>
            Save
          </Button>
        </div>
      </form>
    </Dialog>
  );
}

export function ArchiveStoryButton({ story }: { story: { id: string; version: number; archived: boolean } }) {
  const verb = story.archived ? "Restore" : "Archive";
  return (
    <ConfirmActionButton
      trigger={verb}
      triggerVariant={story.archived ? "secondary" : "danger"}
      title={`${verb} this story?`}
      description={
        story.archived
          ? "It returns to the active stories list."
          : "It leaves the active list but keeps all its reports, claims and explainers. You can restore it later."
      }
      confirm={`${verb} story`}
      confirmVariant={story.archived ? "primary" : "danger"}
      action={() => setStoryArchivedAction({ storyId: story.id, version: story.version, archived: !story.archived })}
      success={story.archived ? "Story restored" : "Story archived"}
    />
  );
}
