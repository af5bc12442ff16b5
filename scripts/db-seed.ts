/**
 * `npm run db:seed`: creates the demo desk (idempotent). Uses DATABASE_URL, or the embedded
 * PostgreSQL when it is not set; migrates first so it works on a brand-new database.
 */
import { runWithDatabase } from "./lib/run-with-database";

await runWithDatabase(async () => {
  const { seedDemoDesk, DEMO_PEOPLE } = await import("../lib/demo/seed-demo-desk");
  const summary = await seedDemoDesk();
  const { printDemoLogins } = await import("./lib/print-demo-logins");
  if (summary.peopleCreated.length) printDemoLogins(DEMO_PEOPLE.filter((p) => summary.peopleCreated.includes(p.email)));
  console.log(
    `Demo desk: ${summary.peopleCreated.length} people created, story ${summary.storyCreated ? "created" : "already there"}, reports ${JSON.stringify(summary.reports)}, ${summary.facts} facts.`,
  );
});
