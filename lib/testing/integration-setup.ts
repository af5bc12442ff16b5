/**
 * Environment the domain layer needs under integration tests. scripts/with-test-db.ts provides
 * DATABASE_URL; the login throttle also reads NEXTAUTH_SECRET through env(), which the app's
 * start script would normally generate.
 */
import os from "node:os";
import path from "node:path";

process.env.NEXTAUTH_SECRET ??= "integration-test-secret-0123456789abcdef";
// no collaboration server runs under integration tests (the ones that need one start their own
// and switch this back on): submitting need not try to reach one
process.env.WIREDESK_COLLAB ??= "0";
// publishing jobs that a test runs write the static site to a scratch folder, never the project's .data
process.env.PUBLIC_OUTPUT_DIR ??= path.join(os.tmpdir(), `wiredesk-public-output-${process.pid}`);

if (!process.env.DATABASE_URL) {
  throw new Error("Integration tests need DATABASE_URL: run them through `npm run test:integration`.");
}

export {};
