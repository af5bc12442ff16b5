import type { Metadata } from "next";
import { connection } from "next/server";
import type { ReactNode } from "react";
import { Toaster } from "sonner";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Wiredesk", template: "%s · Wiredesk" },
  description: "Collaborative editorial desk: wire reports, verified claims, reviewed explainers.",
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Every page renders per request, so each carries the nonce of its own Content-Security-Policy
  // (proxy.ts); a page prerendered at build time would have nonce-less scripts the browser blocks.
  await connection();
  return (
    <html lang="en">
      <body className="min-h-screen font-sans antialiased">
        {children}
        <Toaster position="bottom-right" closeButton richColors />
      </body>
    </html>
  );
}
