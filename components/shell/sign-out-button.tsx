"use client";
import { signOut } from "next-auth/react";
import { useState } from "react";
import { Button } from "@/components/ui/button";

export function SignOutButton() {
  const [pending, setPending] = useState(false);
  return (
    <Button
      size="sm"
      variant="ghost"
      pending={pending}
      onClick={async () => {
        setPending(true);
        await signOut({ callbackUrl: "/login?reason=signed_out" });
      }}
    >
      Sign out
    </Button>
  );
}
