import { z } from "zod";
import { isProxyEntry } from "@/lib/auth/client-address";
import { isAddressAllowList } from "@/lib/feeds/address-policy";

/**
 * The app's environment, validated once at start-up. Each missing or malformed variable gets
 * its own line in the error, so a newcomer fixes them all in one go.
 */
const ZEnvFields = z.object({
  DATABASE_URL: z
    .string({ error: "DATABASE_URL is required (the start script sets it for the embedded PostgreSQL)" })
    .regex(/^postgres(ql)?:\/\//, "DATABASE_URL must start with postgresql://"),
  NEXTAUTH_SECRET: z
    .string({ error: "NEXTAUTH_SECRET is required (the start script generates one into .data/auth-secret)" })
    .min(32, "NEXTAUTH_SECRET must be at least 32 characters"),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  /** sign-in attempts per account and per address before delays start */
  LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).max(1000).default(5),
  /** how long failed attempts are remembered */
  LOGIN_FAILURE_WINDOW_SECONDS: z.coerce.number().int().min(1).max(86_400).default(900),
  /** the longest delay one account's attempts can be slowed to (never a lockout of the owner) */
  LOGIN_MAX_DELAY_SECONDS: z.coerce
    .number({ error: "LOGIN_MAX_DELAY_SECONDS must be a number" })
    .int()
    .min(1, "LOGIN_MAX_DELAY_SECONDS must be 1 to 3600")
    .max(3600, "LOGIN_MAX_DELAY_SECONDS must be 1 to 3600")
    .default(60),
  /** proxies whose X-Forwarded-For is believed: addresses or CIDR ranges, comma-separated */
  TRUSTED_PROXIES: z
    .string()
    .default("")
    .transform((value) => value.split(",").map((entry) => entry.trim()).filter(Boolean))
    .refine((entries) => entries.every(isProxyEntry), {
      error: "TRUSTED_PROXIES must be comma-separated IP addresses or CIDR ranges, such as 10.0.0.0/8,::1",
    }),
  /** jobs one worker process runs at once (fact analysis is CPU-bound: about one per core) */
  WORKER_CONCURRENCY: z.coerce.number({ error: "WORKER_CONCURRENCY must be a number" }).int().min(1, "WORKER_CONCURRENCY must be 1 to 32").max(32, "WORKER_CONCURRENCY must be 1 to 32").default(2),
  PUBLIC_BASE_URL: z
    .url({ protocol: /^https?$/, error: "PUBLIC_BASE_URL must be an absolute http(s) URL such as https://news.example.org" })
    .transform((value) => value.replace(/\/+$/, ""))
    .optional(),
  PUBLIC_PAGE_CACHE: z.enum(["on", "off"], { error: "PUBLIC_PAGE_CACHE must be on or off" }).default("on"),
  /** how long a CDN may keep a public page or feed (s-maxage); a purge through PURGE_URL ends it sooner */
  PUBLIC_CDN_MAX_AGE_SECONDS: z.coerce
    .number({ error: "PUBLIC_CDN_MAX_AGE_SECONDS must be a number of seconds" })
    .int()
    .min(0, "PUBLIC_CDN_MAX_AGE_SECONDS must be 0 to 31536000")
    .max(31_536_000, "PUBLIC_CDN_MAX_AGE_SECONDS must be 0 to 31536000")
    .default(60),
  /** the CDN's purge hook: publishing POSTs the changed public URLs to it (retried until it answers 2xx) */
  PURGE_URL: z
    .url({ protocol: /^https?$/, error: "PURGE_URL must be an absolute http(s) URL" })
    .optional()
    .or(z.literal("").transform(() => undefined)),
  /** sent as `Authorization: Bearer …` with each purge, when set */
  PURGE_TOKEN: z.string().optional().or(z.literal("").transform(() => undefined)),
  /** where publishing writes the static public site: a folder (default), S3-compatible storage, or nowhere */
  PUBLIC_OUTPUT: z.enum(["folder", "s3", "off"], { error: "PUBLIC_OUTPUT must be folder, s3 or off" }).default("folder"),
  /** the folder target (relative paths start at the project folder) */
  PUBLIC_OUTPUT_DIR: z.string().min(1).default(".data/public"),
  PUBLIC_OUTPUT_S3_BUCKET: z.string().optional().or(z.literal("").transform(() => undefined)),
  /** the S3-compatible endpoint (MinIO, R2, …); AWS's regional endpoint when unset */
  PUBLIC_OUTPUT_S3_ENDPOINT: z
    .url({ protocol: /^https?$/, error: "PUBLIC_OUTPUT_S3_ENDPOINT must be an absolute http(s) URL" })
    .transform((value) => value.replace(/\/+$/, ""))
    .optional()
    .or(z.literal("").transform(() => undefined)),
  PUBLIC_OUTPUT_S3_REGION: z.string().min(1).default("us-east-1"),
  /** a key prefix inside the bucket, such as `site/` */
  PUBLIC_OUTPUT_S3_PREFIX: z
    .string()
    .default("")
    .refine((value) => value === "" || /^[A-Za-z0-9._\/-]+\/$/.test(value), { error: "PUBLIC_OUTPUT_S3_PREFIX must end with / and use only letters, digits, . _ - /" }),
  PUBLIC_OUTPUT_S3_ACCESS_KEY_ID: z.string().optional().or(z.literal("").transform(() => undefined)),
  PUBLIC_OUTPUT_S3_SECRET_ACCESS_KEY: z.string().optional().or(z.literal("").transform(() => undefined)),
  COLLAB_PORT: z.coerce.number({ error: "COLLAB_PORT must be a port number" }).int().min(1, "COLLAB_PORT must be a port number").max(65535, "COLLAB_PORT must be a port number").default(3001),
  /** where browsers reach the collaboration server when not on the page's host at COLLAB_PORT (behind a proxy) */
  COLLAB_PUBLIC_URL: z
    .url({ protocol: /^wss?$/, error: "COLLAB_PUBLIC_URL must be a ws:// or wss:// URL such as wss://desk.example.org/collab" })
    .optional()
    .or(z.literal("").transform(() => undefined)),
  /** shares collaboration documents across instances; optional with one instance */
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, "REDIS_URL must start with redis:// or rediss://")
    .optional()
    .or(z.literal("").transform(() => undefined)),
  /** the largest single change (a paste, the edits merged after a reconnect) co-editing accepts */
  COLLAB_MAX_UPDATE_BYTES: z.coerce.number({ error: "COLLAB_MAX_UPDATE_BYTES must be a number of bytes" }).int().min(16_384, "COLLAB_MAX_UPDATE_BYTES must be at least 16384").max(64 * 1024 * 1024, "COLLAB_MAX_UPDATE_BYTES must be at most 64 MiB").default(1024 * 1024),
  /** "0" switches live co-editing off: no collaboration server is started or asked */
  WIREDESK_COLLAB: z.enum(["0", "1"], { error: "WIREDESK_COLLAB must be 0 (co-editing off) or 1" }).default("1"),
  /** where the app reaches the collaboration server's internal endpoints (flush, health); default http://127.0.0.1:COLLAB_PORT */
  COLLAB_INTERNAL_URL: z
    .url({ protocol: /^https?$/, error: "COLLAB_INTERNAL_URL must be an http(s) URL such as http://collab.internal:3001" })
    .optional()
    .or(z.literal("").transform(() => undefined)),
  /** "1" prints the job queue's info lines (warnings and errors always print) */
  WIREDESK_QUEUE_LOG: z.enum(["0", "1"], { error: "WIREDESK_QUEUE_LOG must be 0 or 1" }).default("0"),
  /** the embedded PostgreSQL's port, when no DATABASE_URL is given */
  WIREDESK_PG_PORT: z.coerce.number({ error: "WIREDESK_PG_PORT must be a port number" }).int().min(1, "WIREDESK_PG_PORT must be a port number").max(65535, "WIREDESK_PG_PORT must be a port number").default(54329),
  /** the largest stored explainer document (its Yjs state with history) */
  COLLAB_MAX_DOCUMENT_BYTES: z.coerce.number({ error: "COLLAB_MAX_DOCUMENT_BYTES must be a number of bytes" }).int().min(65_536, "COLLAB_MAX_DOCUMENT_BYTES must be at least 65536").max(256 * 1024 * 1024, "COLLAB_MAX_DOCUMENT_BYTES must be at most 256 MiB").default(4 * 1024 * 1024),
  /** private addresses feed sources may be fetched from (IPs or CIDR ranges, comma-separated); public ones always may */
  FEED_PRIVATE_ADDRESS_ALLOWLIST: z
    .string()
    .default("")
    .refine(isAddressAllowList, { error: "FEED_PRIVATE_ADDRESS_ALLOWLIST must be comma-separated IP addresses or CIDR ranges, such as 10.20.0.0/16,127.0.0.1" }),
  /** the folder inside which editors may add watched folders; unset switches watched folders off */
  FEED_FOLDER_ROOT: z
    .string()
    .refine((value) => value.startsWith("/"), { error: "FEED_FOLDER_ROOT must be an absolute path" })
    .optional()
    .or(z.literal("").transform(() => undefined)),
});

type S3Settings = Pick<z.infer<typeof ZEnvFields>, "PUBLIC_OUTPUT" | "PUBLIC_OUTPUT_S3_BUCKET" | "PUBLIC_OUTPUT_S3_ACCESS_KEY_ID" | "PUBLIC_OUTPUT_S3_SECRET_ACCESS_KEY">;

// the S3 target needs its bucket and keys; each missing one gets its own line
function requireS3Settings(value: S3Settings, context: z.RefinementCtx): void {
  if (value.PUBLIC_OUTPUT !== "s3") return;
  for (const name of ["PUBLIC_OUTPUT_S3_BUCKET", "PUBLIC_OUTPUT_S3_ACCESS_KEY_ID", "PUBLIC_OUTPUT_S3_SECRET_ACCESS_KEY"] as const) {
    if (!value[name]) context.addIssue({ code: "custom", path: [name], message: `${name} is required when PUBLIC_OUTPUT=s3` });
  }
}

const ZEnv = ZEnvFields.superRefine(requireS3Settings);

export type Env = z.infer<typeof ZEnv>;

// Scripts (seed, bench) need only the database; the web app needs everything.
const ZDatabaseEnv = ZEnvFields.pick({ DATABASE_URL: true, DATABASE_POOL_SIZE: true });

function parseEnv<S extends z.ZodType>(schema: S): z.output<S> {
  const parsed = schema.safeParse(process.env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  - ${issue.message}`);
    throw new Error(`Wiredesk cannot start; fix the environment:\n${lines.join("\n")}`);
  }
  return parsed.data;
}

const ZWorkerEnv = ZEnvFields.pick({ DATABASE_URL: true, DATABASE_POOL_SIZE: true, WORKER_CONCURRENCY: true });

let cached: Env | undefined;
let cachedDatabase: z.infer<typeof ZDatabaseEnv> | undefined;

/** Returns the validated app environment, throwing one readable error listing every problem. */
export function env(): Env {
  cached ??= parseEnv(ZEnv);
  return cached;
}

const ZPublicEnv = ZEnvFields.pick({ PUBLIC_BASE_URL: true, PUBLIC_PAGE_CACHE: true, PUBLIC_CDN_MAX_AGE_SECONDS: true });
let cachedPublic: z.infer<typeof ZPublicEnv> | undefined;

/** The public site's settings only (public pages must not depend on the sign-in secret). */
export function publicEnv(): z.infer<typeof ZPublicEnv> {
  cachedPublic ??= parseEnv(ZPublicEnv);
  return cachedPublic;
}

/** The database part of the environment only (for scripts that do not serve requests). */
export function databaseEnv(): z.infer<typeof ZDatabaseEnv> {
  cachedDatabase ??= parseEnv(ZDatabaseEnv);
  return cachedDatabase;
}

let cachedWorker: z.infer<typeof ZWorkerEnv> | undefined;

/** What a queue worker process needs (scripts/worker.ts). */
export function workerEnv(): z.infer<typeof ZWorkerEnv> {
  cachedWorker ??= parseEnv(ZWorkerEnv);
  return cachedWorker;
}

const ZContentSecurityEnv = ZEnvFields.pick({ COLLAB_PORT: true, COLLAB_PUBLIC_URL: true });
let cachedContentSecurity: z.infer<typeof ZContentSecurityEnv> | undefined;

/** What proxy.ts needs for the Content-Security-Policy (where the co-editing websocket is). */
export function contentSecurityEnv(): z.infer<typeof ZContentSecurityEnv> {
  cachedContentSecurity ??= parseEnv(ZContentSecurityEnv);
  return cachedContentSecurity;
}

const ZCollabEnv = ZEnvFields.pick({
  DATABASE_URL: true,
  DATABASE_POOL_SIZE: true,
  NEXTAUTH_SECRET: true,
  COLLAB_PORT: true,
  REDIS_URL: true,
  COLLAB_MAX_UPDATE_BYTES: true,
  COLLAB_MAX_DOCUMENT_BYTES: true,
});
let cachedCollab: z.infer<typeof ZCollabEnv> | undefined;

/** What the collaboration server needs (scripts/collab.ts). */
export function collabEnv(): z.infer<typeof ZCollabEnv> {
  cachedCollab ??= parseEnv(ZCollabEnv);
  return cachedCollab;
}

const ZPublicationEnv = ZEnvFields.pick({
  PUBLIC_BASE_URL: true,
  PUBLIC_CDN_MAX_AGE_SECONDS: true,
  PURGE_URL: true,
  PURGE_TOKEN: true,
  PUBLIC_OUTPUT: true,
  PUBLIC_OUTPUT_DIR: true,
  PUBLIC_OUTPUT_S3_BUCKET: true,
  PUBLIC_OUTPUT_S3_ENDPOINT: true,
  PUBLIC_OUTPUT_S3_REGION: true,
  PUBLIC_OUTPUT_S3_PREFIX: true,
  PUBLIC_OUTPUT_S3_ACCESS_KEY_ID: true,
  PUBLIC_OUTPUT_S3_SECRET_ACCESS_KEY: true,
}).superRefine(requireS3Settings);
export type PublicationEnv = z.infer<typeof ZPublicationEnv>;

/**
 * What the publishing job needs to write the static site and purge the CDN. Read afresh on each
 * call (cheap) so a worker picks up the settings of its own environment, and tests can vary them.
 */
export function publicationEnv(source: Record<string, string | undefined> = process.env): PublicationEnv {
  const parsed = ZPublicationEnv.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  - ${issue.message}`);
    throw new Error(`Wiredesk cannot publish; fix the environment:\n${lines.join("\n")}`);
  }
  return parsed.data;
}

const ZCollabLinkEnv = ZEnvFields.pick({ WIREDESK_COLLAB: true, COLLAB_INTERNAL_URL: true, COLLAB_PORT: true });

/**
 * Whether co-editing is on and where the app reaches the collaboration server. Read on every
 * call, not cached: the launcher and the tests switch co-editing after this module loads.
 */
export function collabLinkEnv(): z.infer<typeof ZCollabLinkEnv> {
  return parseEnv(ZCollabLinkEnv);
}

const ZQueueLogEnv = ZEnvFields.pick({ WIREDESK_QUEUE_LOG: true });
let cachedQueueLog: z.infer<typeof ZQueueLogEnv> | undefined;

/** The job queue's log switch (lib/jobs/queue-logger.ts). */
export function queueLogEnv(): z.infer<typeof ZQueueLogEnv> {
  cachedQueueLog ??= parseEnv(ZQueueLogEnv);
  return cachedQueueLog;
}

const ZEmbeddedDatabaseEnv = ZEnvFields.pick({ WIREDESK_PG_PORT: true }).extend({ DATABASE_URL: ZEnvFields.shape.DATABASE_URL.optional() });

/**
 * What the start and test scripts need before a database exists: DATABASE_URL if given, else the
 * embedded server's port. Read on every call: the scripts set DATABASE_URL once it is known.
 */
export function embeddedDatabaseEnv(): z.infer<typeof ZEmbeddedDatabaseEnv> {
  return parseEnv(ZEmbeddedDatabaseEnv);
}

const ZFeedEnv = ZEnvFields.pick({ FEED_PRIVATE_ADDRESS_ALLOWLIST: true, FEED_FOLDER_ROOT: true });

/**
 * What feed sources need (adding one in the app, polling in the worker). Read on every call, not
 * cached: it is cheap, and a test starts its own feed server before it sets the allow-list.
 */
export function feedEnv(): z.infer<typeof ZFeedEnv> {
  return parseEnv(ZFeedEnv);
}
