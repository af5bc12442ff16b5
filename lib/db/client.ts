import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { databaseEnv } from "@/lib/env";

export type { Prisma } from "@/lib/generated/prisma/client";

declare global {
  var __wiredeskPrisma: PrismaClient | undefined;
}

function createClient(): PrismaClient {
  const { DATABASE_URL, DATABASE_POOL_SIZE } = databaseEnv();
  const adapter = new PrismaPg({ connectionString: DATABASE_URL, max: DATABASE_POOL_SIZE });
  return new PrismaClient({ adapter });
}

function client(): PrismaClient {
  globalThis.__wiredeskPrisma ??= createClient();
  return globalThis.__wiredeskPrisma;
}

/**
 * The one Prisma client of this process, cached on globalThis so dev reloads reuse the pool.
 * Created on first use, not at import: `next build` imports routes without a database.
 */
export const db: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, property) {
    const real = client();
    const value = Reflect.get(real, property, real) as unknown;
    return typeof value === "function" ? (value as (...args: unknown[]) => unknown).bind(real) : value;
  },
});

/** A transaction client, as handed to `db.$transaction(async (tx) => ...)`. */
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];
