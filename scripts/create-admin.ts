/**
 * `npm run create-admin -- --email you@example.org --name "Your Name"`: creates the first admin
 * of a desk that has nobody yet (or another admin). The password comes from ADMIN_PASSWORD, or a
 * random one is generated and printed once.
 */
import { randomBytes } from "node:crypto";
import { parseArgs } from "node:util";
import { runWithDatabase } from "./lib/run-with-database";

const { values } = parseArgs({ options: { email: { type: "string" }, name: { type: "string" } } });
if (!values.email || !values.name) {
  console.error('usage: npm run create-admin -- --email you@example.org --name "Your Name"');
  process.exit(2);
}

await runWithDatabase(async () => {
  const { bootstrapAdmin } = await import("../lib/people/bootstrap-admin");
  const password = process.env.ADMIN_PASSWORD ?? randomBytes(12).toString("base64url");
  const admin = await bootstrapAdmin({ email: values.email, name: values.name, password });
  console.log(`Admin ${admin.name} <${admin.email}> created.`);
  if (!process.env.ADMIN_PASSWORD) console.log(`Password (shown once): ${password}`);
});
