import { defineConfig } from "prisma/config";

// Migrations are applied by lib/db/migrate.ts (Prisma's schema engine cannot be downloaded on
// our machines); this config keeps `prisma migrate status/deploy` usable where it can.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost:5432/wiredesk" },
});
