"use client";
import { Button } from "@/components/ui/button";

/** Shown when a desk page fails unexpectedly; the digest lets an admin find the server log line. */
export default function DeskError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div role="alert" className="rounded-lg border border-danger/30 bg-white p-6">
      <h1 className="text-lg font-semibold text-danger">This page could not be loaded</h1>
      <p className="mt-1 text-sm text-muted">
        Nothing you saved is lost. Try again; if it keeps failing, tell an admin
        {error.digest ? (
          <>
            {" "}
            and quote reference <code className="font-mono">{error.digest}</code>
          </>
        ) : null}
        .
      </p>
      <Button className="mt-4" onClick={reset}>
        Try again
      </Button>
    </div>
  );
}
