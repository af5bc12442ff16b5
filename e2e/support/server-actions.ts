import { readFileSync } from "node:fs";
import type { APIRequestContext } from "@playwright/test";

type Manifest = { node: Record<string, { filename: string; exportedName: string }> };

/** The id Next.js gave a server action in this production build. */
export function actionId(filename: string, exportedName: string): string {
  const manifest = JSON.parse(readFileSync(".next/server/server-reference-manifest.json", "utf8")) as Manifest;
  const entry = Object.entries(manifest.node).find(([, action]) => action.filename === filename && action.exportedName === exportedName);
  if (!entry) throw new Error(`server action ${exportedName} in ${filename} is not in the build`);
  return entry[0];
}

/** Calls a server action the way a hand-made request would, bypassing every UI guard. */
export async function callServerAction(
  request: APIRequestContext,
  baseURL: string,
  page: string,
  id: string,
  args: unknown[],
): Promise<{ status: number; body: string }> {
  const response = await request.post(page, {
    headers: {
      "Next-Action": id,
      "Content-Type": "text/plain;charset=UTF-8",
      Accept: "text/x-component",
      Origin: baseURL,
    },
    data: JSON.stringify(args),
  });
  return { status: response.status(), body: await response.text() };
}
