import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { DEMO_EXPLAINER_TITLE } from "./seed-demo-explainer";
import { seedDemoDesk } from "./seed-demo-desk";

describe("the demo explainer", () => {
  it("is written from demo claims, waits for review, and is seeded once", async () => {
    await seedDemoDesk();
    await seedDemoDesk();
    const explainers = await db.explainer.findMany({
      where: { title: DEMO_EXPLAINER_TITLE },
      select: { state: true, revisions: { select: { citations: { select: { attributed: true, status: true } } } } },
    });
    expect(explainers).toHaveLength(1);
    expect(explainers[0]!.state).toBe("IN_REVIEW");
    const citations = explainers[0]!.revisions.flatMap((revision) => revision.citations);
    expect(citations).toHaveLength(5);
    // everything not verified is attributed
    expect(citations.every((citation) => citation.status === "VERIFIED" || citation.attributed)).toBe(true);
  });
});
