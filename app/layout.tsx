import type { Metadata } from "next";
import type { ReactNode } from "react";
import { Toaster } from "sonner";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Wiredesk", template: "%s · Wiredesk" },
  description: "Collaborative editorial desk: wire reports, verified claims, reviewed explainers.",
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen font-sans antialiased">
        {children}
        <Toaster position="bottom-right" closeButton richColors />
      </body>
    </html>
  );
}
