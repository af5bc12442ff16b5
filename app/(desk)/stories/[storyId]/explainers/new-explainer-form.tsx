"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/field";
import { createExplainerAction } from "./actions";

/** One-line form: a title, then straight into the editor with the template. */
export function NewExplainerForm({ storyId }: { storyId: string }) {
  const router = useRouter();
  const [title, setTitle] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  return (
    <form
      className="flex flex-wrap items-end gap-2 rounded-lg border border-line bg-white p-3"
      onSubmit={async (event) => {
        event.preventDefault();
        setPending(true);
        const result = await createExplainerAction({ storyId, title });
        if (result.ok) {
          router.push(`/stories/${storyId}/explainers/${result.data.id}`);
        } else {
          setPending(false);
          setError(result.fieldErrors.title ?? result.error);
        }
      }}
    >
      <label className="min-w-64 flex-1 text-sm">
        <span className="mb-1 block font-medium">New explainer</span>
        <input
          name="title"
          value={title}
          onChange={(event) => setTitle(event.target.value)}
          placeholder="What to know about …"
          maxLength={300}
          required
          aria-invalid={error ? true : undefined}
          className="h-9 w-full rounded-md border border-line px-2"
        />
      </label>
      <Button type="submit" variant="primary" pending={pending}>
        Start writing
      </Button>
      <div className="basis-full">
        <FormError message={error} />
      </div>
    </form>
  );
}
