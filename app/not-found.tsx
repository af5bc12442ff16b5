import Link from "next/link";

export default function NotFound() {
  return (
    <main className="mx-auto max-w-lg px-4 py-24 text-center">
      <h1 className="text-2xl font-semibold">Not found</h1>
      <p className="mt-2 text-muted">This page does not exist, or it was moved.</p>
      <Link href="/stories" className="mt-6 inline-block text-accent underline">
        Back to stories
      </Link>
    </main>
  );
}
