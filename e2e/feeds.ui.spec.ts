import { randomBytes } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test } from "@playwright/test";
import { STORAGE } from "./support/auth";

/** An invented agency feed with two items, served from a local HTTP server for this test. */
function feedBody(token: string): string {
  const item = (n: number, title: string, body: string) =>
    `<item><title>${title}</title><guid isPermaLink="false">kvw-${token}-${n}</guid><pubDate>Thu, 04 Dec 2031 06:00:00 +0000</pubDate><description><![CDATA[<p>${body}</p>]]></description></item>`;
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Kaldera Valley Wire</title>${item(1, "Landslide blocks the Kaldera pass", `A landslide blocked the invented Kaldera pass overnight, the roads office said. Ref ${token}.`)}${item(2, "Buses rerouted around Kaldera", `Regional buses were rerouted through the lower valley, the operator said. Ref ${token}.`)}</channel></rss>`;
}

test.describe("an editor manages a story's feed sources", () => {
  test.use({ storageState: STORAGE.EDITOR });

  test("adds a feed, sees it imported with its health, pauses it and removes it; a private address is refused", async ({ page }) => {
    const token = randomBytes(4).toString("hex");
    let hits = 0;
    const server = http.createServer((request, response) => {
      hits++;
      response.writeHead(200, { "content-type": "application/rss+xml", etag: `"${token}"` });
      response.end(feedBody(token));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const feedUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/wire.xml`;
    try {
      await page.goto("/stories");
      await page.getByRole("button", { name: "New story" }).click();
      await page.getByRole("dialog").getByLabel("Title").fill(`Kaldera landslide ${token}`);
      await page.getByRole("dialog").getByRole("button", { name: "Create story" }).click();
      await expect(page).toHaveURL(/\/reports$/);
      await page.getByRole("navigation", { name: "Story sections" }).getByRole("link", { name: "Feeds" }).click();
      await expect(page.getByText("No feed sources yet")).toBeVisible();

      // keyboard only: open the dialog, a private address first
      await page.getByRole("button", { name: "Add source" }).focus();
      await page.keyboard.press("Enter");
      const dialog = page.getByRole("dialog", { name: "Add a feed source" });
      await dialog.getByLabel("Name", { exact: true }).fill("Kaldera wire");
      await dialog.getByLabel("URL", { exact: true }).fill("http://10.0.0.8/internal.xml");
      await dialog.getByRole("button", { name: "Add source" }).press("Enter");
      await expect(dialog.getByLabel("URL", { exact: true })).toHaveAccessibleDescription(/will not fetch this URL: 10\.0\.0\.8 is a private address/);
      await page.screenshot({ path: "test-results/feeds-refused.png" });

      await dialog.getByLabel("URL", { exact: true }).fill(feedUrl);
      await dialog.getByLabel("Poll every (minutes)").fill("1");
      await dialog.getByRole("button", { name: "Add source" }).click();
      await expect(dialog).toBeHidden();
      const card = page.getByRole("listitem", { name: "Kaldera wire" });
      await expect(card).toContainText("RSS or Atom feed · every 1 min");

      // the worker polls it at once: reload until its health shows the import
      await expect(async () => {
        await page.reload();
        await expect(card).toContainText("Working", { timeout: 1000 });
      }).toPass({ timeout: 30_000 });
      await expect(card).toContainText("2 imported");
      await expect(card.getByText("Items taken").locator("..")).toContainText("2");
      expect(hits).toBeGreaterThan(0);
      await page.screenshot({ path: "test-results/feeds.png", fullPage: true });

      await card.getByRole("button", { name: "Pause Kaldera wire" }).click();
      await expect(card).toContainText("Paused");
      await expect(card.getByRole("button", { name: "Resume Kaldera wire" })).toBeVisible();

      await page.getByRole("navigation", { name: "Story sections" }).getByRole("link", { name: /Reports/ }).click();
      await expect(page.getByText("Landslide blocks the Kaldera pass")).toBeVisible();
      await page.getByRole("navigation", { name: "Story sections" }).getByRole("link", { name: "Feeds" }).click();

      await card.getByRole("button", { name: "Remove Kaldera wire" }).click();
      const confirm = page.getByRole("dialog", { name: "Remove “Kaldera wire”?" });
      await expect(confirm).toContainText("The reports it imported stay");
      await confirm.getByRole("button", { name: "Remove source" }).click();
      await expect(page.getByText("No feed sources yet")).toBeVisible();
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
