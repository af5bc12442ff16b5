/**
 * Guards against drift between prisma/schema.prisma and the hand-written migrations: Prisma's own
 * model metadata (DMMF) and the migrated database's catalog are reduced to the same snapshot
 * shape and compared object by object. Prisma Migrate would do this for us, but its schema engine
 * is a native download that offline installs cannot fetch, so the project applies its own SQL
 * migrations (lib/db/migrate.ts) and this test keeps them honest.
 */
import { createRequire } from "node:module";
import { randomUUID } from "node:crypto";
import { readFile } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyMigrations } from "./migrate";

// ───────────────────────── DMMF ─────────────────────────

type DmmfDefault = string | number | boolean | { name: string; args: unknown[] } | unknown[];

interface DmmfField {
  name: string;
  dbName?: string | null;
  kind: "scalar" | "object" | "enum" | "unsupported";
  isList: boolean;
  isRequired: boolean;
  hasDefaultValue: boolean;
  default?: DmmfDefault;
  type: string;
  nativeType?: [string, string[]] | null;
  relationFromFields?: string[];
  relationToFields?: string[];
  relationOnDelete?: string;
  relationOnUpdate?: string;
}

interface DmmfModel {
  name: string;
  dbName: string | null;
  fields: DmmfField[];
}

interface DmmfEnum {
  name: string;
  dbName?: string | null;
  values: { name: string; dbName: string | null }[];
}

interface DmmfIndex {
  model: string;
  type: "id" | "unique" | "normal" | "fulltext";
  dbName?: string | null;
  algorithm?: string;
  fields: { name: string; sortOrder?: "asc" | "desc" }[];
}

interface DmmfDatamodel {
  models: DmmfModel[];
  enums: DmmfEnum[];
  indexes: DmmfIndex[];
}

/** The few wasm-bindgen exports of Prisma's schema wasm that get_dmmf needs. */
interface PrismaSchemaWasm {
  memory: WebAssembly.Memory;
  __wbindgen_externrefs: WebAssembly.Table;
  __wbindgen_malloc(size: number, align: number): number;
  __wbindgen_free(pointer: number, size: number, align: number): void;
  __externref_table_dealloc(index: number): void;
  __wbindgen_start(): void;
  get_dmmf(pointer: number, length: number): [number, number, number, number];
}

/**
 * Prisma's getDMMF, called the way @prisma/internals calls it. @prisma/internals has no release
 * matching our CLI (7.10.1), so this loads the schema wasm that ships inside the `prisma` CLI
 * package itself: the very engine `prisma generate` uses, hence always the CLI's version. If a
 * Prisma upgrade changes the wasm's imports this throws by name; switch to `getDMMF` from a
 * matching @prisma/internals then.
 */
async function loadDmmf(schemaPath: string): Promise<DmmfDatamodel> {
  const prismaDir = path.dirname(createRequire(import.meta.url).resolve("prisma/package.json"));
  const wasmModule = await WebAssembly.compile(
    await readFile(path.join(prismaDir, "build", "prisma_schema_build_bg.wasm")),
  );

  // The imports below run during and after instantiation, so they reach the exports late.
  const instantiated: { exports?: PrismaSchemaWasm } = {};
  const exportsOf = (): PrismaSchemaWasm => {
    if (!instantiated.exports) throw new Error("Prisma schema wasm used before it was instantiated");
    return instantiated.exports;
  };
  const decoder = new TextDecoder();
  const readString = (pointer: number, length: number): string =>
    decoder.decode(new Uint8Array(exportsOf().memory.buffer, pointer >>> 0, length));

  const imports: Record<string, Record<string, (...args: number[]) => unknown>> = {};
  for (const { module: moduleName, name } of WebAssembly.Module.imports(wasmModule)) {
    let implementation: (...args: number[]) => unknown;
    if (name.startsWith("__wbg_Error_")) {
      implementation = (pointer = 0, length = 0) => new Error(readString(pointer, length));
    } else if (name.includes("__wbindgen_throw")) {
      implementation = (pointer = 0, length = 0) => {
        throw new Error(readString(pointer, length));
      };
    } else if (name.startsWith("__wbg_set_message_")) {
      implementation = (pointer = 0, length = 0) => {
        throw new Error(`Prisma schema wasm panicked: ${readString(pointer, length)}`);
      };
    } else if (name === "__wbindgen_init_externref_table") {
      implementation = () => {
        const table = exportsOf().__wbindgen_externrefs;
        const offset = table.grow(4);
        table.set(0, undefined);
        table.set(offset, undefined);
        table.set(offset + 1, null);
        table.set(offset + 2, true);
        table.set(offset + 3, false);
      };
    } else {
      throw new Error(`Prisma schema wasm needs an unknown import ${moduleName}.${name}`);
    }
    (imports[moduleName] ??= {})[name] = implementation;
  }
  const instance = await WebAssembly.instantiate(wasmModule, imports);
  const wasm = instance.exports as unknown as PrismaSchemaWasm;
  instantiated.exports = wasm;
  wasm.__wbindgen_start();

  const schema = await readFile(schemaPath, "utf8");
  const input = new TextEncoder().encode(
    JSON.stringify({ prismaSchema: [[path.basename(schemaPath), schema]], noColor: true }),
  );
  const inputPointer = wasm.__wbindgen_malloc(input.length, 1) >>> 0;
  new Uint8Array(wasm.memory.buffer).set(input, inputPointer);
  const [outPointer, outLength, errorIndex, failed] = wasm.get_dmmf(inputPointer, input.length);
  if (failed) {
    const error: unknown = wasm.__wbindgen_externrefs.get(errorIndex);
    wasm.__externref_table_dealloc(errorIndex);
    throw error instanceof Error ? error : new Error(String(error));
  }
  const output = readString(outPointer, outLength);
  wasm.__wbindgen_free(outPointer, outLength, 1);
  return (JSON.parse(output) as { datamodel: DmmfDatamodel }).datamodel;
}

// ───────────────────────── Snapshots ─────────────────────────

/**
 * Both sides reduced to "object key → description". A key present on one side only is a
 * missing or extra object; equal keys with different descriptions are a changed object.
 */
interface SchemaSnapshot {
  enums: Map<string, string>;
  tables: Map<string, string>;
  columns: Map<string, string>;
  primaryKeys: Map<string, string>;
  uniqueIndexes: Map<string, string>;
  indexes: Map<string, string>;
  foreignKeys: Map<string, string>;
  /** partial indexes: only ever written by hand in the SQL-only section of a migration */
  partialIndexes: Map<string, string>;
  checks: Map<string, string>;
}

/**
 * What the migrations add beyond schema.prisma (their SQL-only section). Descriptions use the
 * catalog's rendering, so they are compared exactly like everything else.
 */
const SQL_ONLY_PARTIAL_INDEXES: ReadonlyArray<[name: string, description: string]> = [
  ["Report_storyId_externalId_key", 'UNIQUE "Report" (storyId, externalId) WHERE ("externalId" IS NOT NULL)'],
  ["Report_storyId_contentHash_key", 'UNIQUE "Report" (storyId, contentHash) WHERE ("externalId" IS NULL)'],
  ["Claim_storyId_unkeyed_idx", '"Claim" (storyId) WHERE ("nameKeys" IS NULL)'],
];

/** Expression indexes (e.g. full-text search), which Prisma's schema language cannot state. */
const SQL_ONLY_INDEXES: ReadonlyArray<[name: string, description: string]> = [
  [
    "ReportVersion_search_idx",
    `"ReportVersion" gin (to_tsvector('english'::regconfig, (headline::text || ' '::text) || "bodyText"))`,
  ],
  [
    "Claim_search_idx",
    `"Claim" gin (to_tsvector('english'::regconfig, (((statement::text || ' '::text) || exact) || ' '::text) || COALESCE(attribution, ''::character varying)::text))`,
  ],
];

const SQL_ONLY_CHECKS: ReadonlyArray<[table: string, name: string]> = [
  ["User", "User_email_check"],
  ["User", "User_name_check"],
  ["Story", "Story_title_check"],
  ["Report", "Report_currentVersion_check"],
  ["ReportVersion", "ReportVersion_version_check"],
  ["Claim", "Claim_span_check"],
  ["ClaimSuggestion", "ClaimSuggestion_span_check"],
  ["Evidence", "Evidence_kind_fields_check"],
  ["Comment", "Comment_target_check"],
  ["Citation", "Citation_target_check"],
  ["ExplainerRevision", "ExplainerRevision_number_check"],
  ["Fact", "Fact_sourceCount_check"],
  ["ReReviewFlag", "ReReviewFlag_resolution_check"],
  ["FeedSource", "FeedSource_intervalSeconds_check"],
];

/** Tables that exist on purpose without a model. */
const TABLES_OUTSIDE_SCHEMA = new Set(["_prisma_migrations"]);

const POSTGRES_IDENTIFIER_LIMIT = 63;

/** Prisma's default constraint/index name: `Table_col1_col2_suffix`, cut to fit 63 bytes. */
function prismaDefaultName(table: string, columns: string[], suffix: string): string {
  const base = [table, ...columns].join("_");
  const room = POSTGRES_IDENTIFIER_LIMIT - suffix.length - 1;
  return `${base.length > room ? base.slice(0, room) : base}_${suffix}`;
}

/** How format_type() spells an identifier: bare when lower-case, quoted otherwise. */
function formatIdentifier(name: string): string {
  return /^[a-z_][a-z0-9_$]*$/.test(name) ? name : `"${name.replaceAll('"', '""')}"`;
}

const NATIVE_TYPES: Record<string, (args: string[]) => string> = {
  Uuid: () => "uuid",
  Text: () => "text",
  VarChar: (args) => (args.length ? `character varying(${args.join(",")})` : "character varying"),
  Char: (args) => `character(${args[0] ?? "1"})`,
  Timestamptz: (args) => `timestamp(${args[0] ?? "6"}) with time zone`,
  Timestamp: (args) => `timestamp(${args[0] ?? "6"}) without time zone`,
  Date: () => "date",
  Integer: () => "integer",
  SmallInt: () => "smallint",
  BigInt: () => "bigint",
  DoublePrecision: () => "double precision",
  Real: () => "real",
  Decimal: (args) => (args.length ? `numeric(${args.join(",")})` : "numeric"),
  Boolean: () => "boolean",
  JsonB: () => "jsonb",
  Json: () => "json",
  ByteA: () => "bytea",
  Inet: () => "inet",
  Citext: () => "citext",
};

/** Prisma's PostgreSQL column type for a scalar type without a @db attribute. */
const DEFAULT_TYPES: Record<string, string> = {
  String: "text",
  Int: "integer",
  BigInt: "bigint",
  Float: "double precision",
  Decimal: "numeric(65,30)",
  Boolean: "boolean",
  DateTime: "timestamp(3) without time zone",
  Json: "jsonb",
  Bytes: "bytea",
};

const REFERENTIAL_ACTIONS: Record<string, string> = {
  Cascade: "CASCADE",
  Restrict: "RESTRICT",
  NoAction: "NO ACTION",
  SetNull: "SET NULL",
  SetDefault: "SET DEFAULT",
};

function expectedColumnType(model: DmmfModel, field: DmmfField, enums: DmmfEnum[]): string {
  let type: string;
  if (field.kind === "enum") {
    const enumDef = enums.find((candidate) => candidate.name === field.type);
    type = formatIdentifier(enumDef?.dbName ?? field.type);
  } else if (field.nativeType) {
    const [name, args] = field.nativeType;
    const render = NATIVE_TYPES[name];
    if (!render) throw new Error(`No catalog spelling for @db.${name} (${model.name}.${field.name}); add it to NATIVE_TYPES`);
    type = render(args);
  } else {
    const mapped = DEFAULT_TYPES[field.type];
    if (!mapped) throw new Error(`No catalog spelling for ${field.type} (${model.name}.${field.name}); add it to DEFAULT_TYPES`);
    type = mapped;
  }
  return field.isList ? `${type}[]` : type;
}

/**
 * The DB default Prisma writes for a field, in normalized form, or null where the default lives
 * in the client only (uuid(), cuid(), @updatedAt) and the column must have none.
 */
function expectedColumnDefault(model: DmmfModel, field: DmmfField): string | null {
  if (!field.hasDefaultValue || field.default === undefined) return null;
  const value = field.default;
  if (Array.isArray(value)) {
    // Prisma writes list defaults as ARRAY[...]::type[]; hand-written SQL may say '{}' for the
    // empty list, which the catalog keeps as '{}'::type[] (both normalised to "ARRAY[]" below)
    if (value.length === 0) return "ARRAY[]";
    throw new Error(`Teach the drift test non-empty list defaults before using one (${model.name}.${field.name})`);
  }
  if (typeof value === "object") {
    if (value.name === "now") return "CURRENT_TIMESTAMP";
    if (["uuid", "cuid", "nanoid", "ulid"].includes(value.name)) return null;
    if (value.name === "dbgenerated") return String(value.args[0] ?? "");
    throw new Error(`Unhandled default ${value.name}() on ${model.name}.${field.name}`);
  }
  return String(value);
}

/** Reduces a catalog default expression (`'EDITOR'::"Role"`, `''::character varying`) to its value. */
function normalizeDatabaseDefault(expression: string | null): string | null {
  if (expression === null) return null;
  if (/^'\{\}'::[^[\]]+\[\]$/.test(expression)) return "ARRAY[]";
  const quoted = /^'((?:[^']|'')*)'::.+$/.exec(expression);
  if (quoted) return (quoted[1] ?? "").replaceAll("''", "'");
  if (expression === "now()") return "CURRENT_TIMESTAMP";
  if (/^ARRAY\[\]::[^[\]]+\[\]$/.test(expression)) return "ARRAY[]";
  return expression;
}

function describeColumn(type: string, nullable: boolean, defaultValue: string | null): string {
  const parts = [type, nullable ? "NULL" : "NOT NULL"];
  if (defaultValue !== null) parts.push(`DEFAULT ${JSON.stringify(defaultValue)}`);
  return parts.join(" ");
}

function describeForeignKey(
  table: string,
  columns: string[],
  referencedTable: string,
  referencedColumns: string[],
  onDelete: string,
  onUpdate: string,
): string {
  return `"${table}" (${columns.join(", ")}) -> "${referencedTable}" (${referencedColumns.join(", ")}) ON DELETE ${onDelete} ON UPDATE ${onUpdate}`;
}

function emptySnapshot(): SchemaSnapshot {
  return {
    enums: new Map(),
    tables: new Map(),
    columns: new Map(),
    primaryKeys: new Map(),
    uniqueIndexes: new Map(),
    indexes: new Map(),
    foreignKeys: new Map(),
    partialIndexes: new Map(),
    checks: new Map(),
  };
}

/** What the database must contain according to schema.prisma plus the SQL-only section. */
function snapshotFromDmmf(datamodel: DmmfDatamodel): SchemaSnapshot {
  const snapshot = emptySnapshot();
  const modelsByName = new Map(datamodel.models.map((model) => [model.name, model]));
  const tableOf = (model: DmmfModel): string => model.dbName ?? model.name;
  const columnOf = (model: DmmfModel, fieldName: string): string => {
    const field = model.fields.find((candidate) => candidate.name === fieldName);
    if (!field) throw new Error(`DMMF names unknown field ${model.name}.${fieldName}`);
    return field.dbName ?? field.name;
  };

  for (const enumDef of datamodel.enums) {
    snapshot.enums.set(enumDef.dbName ?? enumDef.name, enumDef.values.map((value) => value.dbName ?? value.name).join(", "));
  }

  for (const model of datamodel.models) {
    const table = tableOf(model);
    snapshot.tables.set(table, "table");
    for (const field of model.fields) {
      if (field.kind === "object") continue;
      if (field.kind === "unsupported") throw new Error(`Unsupported field ${model.name}.${field.name}`);
      // Prisma creates scalar-list columns without NOT NULL, whatever the field's arity.
      const nullable = !field.isRequired || field.isList;
      snapshot.columns.set(
        `"${table}"."${columnOf(model, field.name)}"`,
        describeColumn(expectedColumnType(model, field, datamodel.enums), nullable, expectedColumnDefault(model, field)),
      );
    }

    // Relation fields that hold the foreign key (the other side has no fields).
    for (const field of model.fields) {
      if (field.kind !== "object" || !field.relationFromFields?.length) continue;
      const target = modelsByName.get(field.type);
      if (!target) throw new Error(`DMMF relation ${model.name}.${field.name} targets unknown model ${field.type}`);
      const columns = field.relationFromFields.map((name) => columnOf(model, name));
      const referenced = (field.relationToFields ?? []).map((name) => columnOf(target, name));
      const anyRequired = field.relationFromFields.some(
        (name) => model.fields.find((candidate) => candidate.name === name)?.isRequired,
      );
      // Prisma's defaults when @relation names no action.
      const onDelete = field.relationOnDelete ?? (anyRequired ? "Restrict" : "SetNull");
      const onUpdate = field.relationOnUpdate ?? "Cascade";
      // DMMF does not carry @relation(map: ...); such a name would show up here as a rename.
      snapshot.foreignKeys.set(
        prismaDefaultName(table, columns, "fkey"),
        describeForeignKey(table, columns, tableOf(target), referenced, REFERENTIAL_ACTIONS[onDelete] ?? onDelete, REFERENTIAL_ACTIONS[onUpdate] ?? onUpdate),
      );
    }
  }

  for (const index of datamodel.indexes) {
    const model = modelsByName.get(index.model);
    if (!model) throw new Error(`DMMF index on unknown model ${index.model}`);
    const table = tableOf(model);
    const columns = index.fields.map((field) => columnOf(model, field.name));
    const columnList = index.fields
      .map((field) => columnOf(model, field.name) + (field.sortOrder === "desc" ? " DESC" : ""))
      .join(", ");
    const method = (index.algorithm ?? "BTree").toLowerCase();
    if (index.type === "id") {
      snapshot.primaryKeys.set(table, `${index.dbName ?? `${table}_pkey`} (${columnList})`);
    } else if (index.type === "unique") {
      snapshot.uniqueIndexes.set(index.dbName ?? prismaDefaultName(table, columns, "key"), `"${table}" ${method} (${columnList})`);
    } else if (index.type === "normal") {
      snapshot.indexes.set(index.dbName ?? prismaDefaultName(table, columns, "idx"), `"${table}" ${method} (${columnList})`);
    } else {
      throw new Error(`Index type ${index.type} on ${index.model} is not supported on PostgreSQL`);
    }
  }

  for (const [name, description] of SQL_ONLY_PARTIAL_INDEXES) snapshot.partialIndexes.set(name, description);
  for (const [name, description] of SQL_ONLY_INDEXES) snapshot.indexes.set(name, description);
  for (const [table, name] of SQL_ONLY_CHECKS) snapshot.checks.set(`"${table}".${name}`, "check");
  return snapshot;
}

/** Strips the quotes pg_get_indexdef puts around mixed-case column names. */
function unquoteIdentifier(text: string): string {
  const quoted = /^"((?:[^"]|"")*)"$/.exec(text);
  return quoted ? (quoted[1] ?? "").replaceAll('""', '"') : text;
}

const FOREIGN_KEY_ACTIONS: Record<string, string> = {
  a: "NO ACTION",
  r: "RESTRICT",
  c: "CASCADE",
  n: "SET NULL",
  d: "SET DEFAULT",
};

/** What the database actually holds in its current schema, read from pg_catalog. */
async function snapshotFromDatabase(client: pg.Client): Promise<SchemaSnapshot> {
  const snapshot = emptySnapshot();

  const enums = await client.query<{ name: string; labels: string[] }>(
    `SELECT t.typname AS name, array_agg(e.enumlabel::text ORDER BY e.enumsortorder) AS labels
       FROM pg_type t
       JOIN pg_namespace n ON n.oid = t.typnamespace
       JOIN pg_enum e ON e.enumtypid = t.oid
      WHERE n.nspname = current_schema()
      GROUP BY t.typname`,
  );
  for (const row of enums.rows) snapshot.enums.set(row.name, row.labels.join(", "));

  const tables = await client.query<{ name: string }>(
    `SELECT c.relname AS name
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p')`,
  );
  for (const row of tables.rows) {
    if (!TABLES_OUTSIDE_SCHEMA.has(row.name)) snapshot.tables.set(row.name, "table");
  }

  const columns = await client.query<{ table_name: string; column_name: string; type: string; nullable: boolean; default_expression: string | null }>(
    `SELECT c.relname AS table_name, a.attname AS column_name,
            format_type(a.atttypid, a.atttypmod) AS type, NOT a.attnotnull AS nullable,
            pg_get_expr(d.adbin, d.adrelid) AS default_expression
       FROM pg_attribute a
       JOIN pg_class c ON c.oid = a.attrelid
       JOIN pg_namespace n ON n.oid = c.relnamespace
       LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
      WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped`,
  );
  for (const row of columns.rows) {
    if (TABLES_OUTSIDE_SCHEMA.has(row.table_name)) continue;
    snapshot.columns.set(
      `"${row.table_name}"."${row.column_name}"`,
      describeColumn(row.type, row.nullable, normalizeDatabaseDefault(row.default_expression)),
    );
  }

  const indexes = await client.query<{
    table_name: string;
    index_name: string;
    is_unique: boolean;
    is_primary: boolean;
    method: string;
    predicate: string | null;
    columns: string[];
  }>(
    `SELECT t.relname AS table_name, i.relname AS index_name, ix.indisunique AS is_unique,
            ix.indisprimary AS is_primary, am.amname AS method,
            pg_get_expr(ix.indpred, ix.indrelid) AS predicate,
            ARRAY(
              SELECT pg_get_indexdef(ix.indexrelid, k, true)
                     || CASE WHEN (ix.indoption[k - 1] & 1) = 1 THEN ' DESC' ELSE '' END
                FROM generate_series(1, ix.indnkeyatts) AS k
               ORDER BY k
            ) AS columns
       FROM pg_index ix
       JOIN pg_class i ON i.oid = ix.indexrelid
       JOIN pg_class t ON t.oid = ix.indrelid
       JOIN pg_namespace n ON n.oid = t.relnamespace
       JOIN pg_am am ON am.oid = i.relam
      WHERE n.nspname = current_schema()`,
  );
  for (const row of indexes.rows) {
    if (TABLES_OUTSIDE_SCHEMA.has(row.table_name)) continue;
    const columnList = row.columns
      .map((column) => {
        const descending = column.endsWith(" DESC");
        const name = unquoteIdentifier(descending ? column.slice(0, -" DESC".length) : column);
        return descending ? `${name} DESC` : name;
      })
      .join(", ");
    if (row.is_primary) {
      snapshot.primaryKeys.set(row.table_name, `${row.index_name} (${columnList})`);
    } else if (row.predicate !== null) {
      snapshot.partialIndexes.set(
        row.index_name,
        `${row.is_unique ? "UNIQUE " : ""}"${row.table_name}" (${columnList}) WHERE ${row.predicate}`,
      );
    } else if (row.is_unique) {
      snapshot.uniqueIndexes.set(row.index_name, `"${row.table_name}" ${row.method} (${columnList})`);
    } else {
      snapshot.indexes.set(row.index_name, `"${row.table_name}" ${row.method} (${columnList})`);
    }
  }

  const constraints = await client.query<{
    name: string;
    kind: string;
    table_name: string;
    referenced_table: string | null;
    columns: string[];
    referenced_columns: string[];
    on_delete: string;
    on_update: string;
  }>(
    `SELECT c.conname AS name, c.contype AS kind, t.relname AS table_name, rt.relname AS referenced_table,
            ARRAY(SELECT a.attname::text
                    FROM unnest(c.conkey) WITH ORDINALITY AS k(attnum, position)
                    JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.attnum
                   ORDER BY k.position) AS columns,
            ARRAY(SELECT a.attname::text
                    FROM unnest(c.confkey) WITH ORDINALITY AS k(attnum, position)
                    JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.attnum
                   ORDER BY k.position) AS referenced_columns,
            c.confdeltype AS on_delete, c.confupdtype AS on_update
       FROM pg_constraint c
       JOIN pg_class t ON t.oid = c.conrelid
       JOIN pg_namespace n ON n.oid = t.relnamespace
       LEFT JOIN pg_class rt ON rt.oid = c.confrelid
      WHERE n.nspname = current_schema() AND c.contype IN ('f', 'c')`,
  );
  for (const row of constraints.rows) {
    if (TABLES_OUTSIDE_SCHEMA.has(row.table_name)) continue;
    if (row.kind === "c") {
      snapshot.checks.set(`"${row.table_name}".${row.name}`, "check");
      continue;
    }
    snapshot.foreignKeys.set(
      row.name,
      describeForeignKey(
        row.table_name,
        row.columns,
        row.referenced_table ?? "?",
        row.referenced_columns,
        FOREIGN_KEY_ACTIONS[row.on_delete] ?? row.on_delete,
        FOREIGN_KEY_ACTIONS[row.on_update] ?? row.on_update,
      ),
    );
  }
  return snapshot;
}

const SNAPSHOT_LABELS: Record<keyof SchemaSnapshot, string> = {
  enums: "enum",
  tables: "table",
  columns: "column",
  primaryKeys: "primary key of",
  uniqueIndexes: "unique index",
  indexes: "index",
  foreignKeys: "foreign key",
  partialIndexes: "partial index (SQL-only)",
  checks: "check constraint (SQL-only)",
};

/** Every difference between what schema.prisma implies and what the database has, one line each. */
function compareSnapshots(expected: SchemaSnapshot, actual: SchemaSnapshot): string[] {
  const differences: string[] = [];
  for (const kind of Object.keys(SNAPSHOT_LABELS) as (keyof SchemaSnapshot)[]) {
    const label = SNAPSHOT_LABELS[kind];
    for (const [key, wanted] of expected[kind]) {
      const found = actual[kind].get(key);
      if (found === undefined) differences.push(`${label} ${key}: missing from the database (expected ${wanted})`);
      else if (found !== wanted) differences.push(`${label} ${key}: expected ${wanted}, database has ${found}`);
    }
    for (const [key, found] of actual[kind]) {
      if (!expected[kind].has(key)) differences.push(`${label} ${key}: in the database but not in schema.prisma (${found})`);
    }
  }
  return differences.sort();
}

// ───────────────────────── Tests ─────────────────────────

function testDatabaseUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL must name the fresh, migrated test database");
  return url;
}

let expected: SchemaSnapshot;

beforeAll(async () => {
  expected = snapshotFromDmmf(await loadDmmf(path.resolve("prisma/schema.prisma")));
});

async function snapshotOf(url: string): Promise<SchemaSnapshot> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await snapshotFromDatabase(client);
  } finally {
    await client.end();
  }
}

describe("schema.prisma and the migrated database", () => {
  it("agree on every table, column, enum, key, index and foreign key", async () => {
    // Sanity: the DMMF side is not silently empty.
    expect(expected.tables.size).toBeGreaterThan(20);
    expect(expected.foreignKeys.size).toBeGreaterThan(20);

    const differences = compareSnapshots(expected, await snapshotOf(testDatabaseUrl()));
    expect(differences).toEqual([]);
  });

  it("has the SQL-only partial unique indexes and check constraints the migrations promise", async () => {
    const actual = await snapshotOf(testDatabaseUrl());
    for (const [name, description] of SQL_ONLY_PARTIAL_INDEXES) {
      expect(actual.partialIndexes.get(name), name).toBe(description);
    }
    for (const [table, name] of SQL_ONLY_CHECKS) {
      expect(actual.checks.has(`"${table}".${name}`), `${table}.${name}`).toBe(true);
    }
    for (const [name, description] of SQL_ONLY_INDEXES) {
      expect(actual.indexes.get(name), name).toBe(description);
    }
  });

  describe("on a database that drifted", () => {
    let scratchName = "";
    let scratchUrl = "";

    beforeAll(async () => {
      scratchName = `wiredesk_drift_${randomUUID().replaceAll("-", "")}`;
      const admin = new pg.Client({ connectionString: testDatabaseUrl() });
      await admin.connect();
      try {
        await admin.query(`CREATE DATABASE ${pg.escapeIdentifier(scratchName)}`);
      } finally {
        await admin.end();
      }
      const url = new URL(testDatabaseUrl());
      url.pathname = `/${scratchName}`;
      scratchUrl = url.toString();
      await applyMigrations({ connectionString: scratchUrl });
    });

    afterAll(async () => {
      if (!scratchName) return;
      const admin = new pg.Client({ connectionString: testDatabaseUrl() });
      await admin.connect();
      try {
        await admin.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(scratchName)} WITH (FORCE)`);
      } finally {
        await admin.end();
      }
    });

    it("reports each hand-made change: type, nullability, default, index, foreign key, enum, extras", async () => {
      // Freshly migrated, the scratch database agrees; every difference below comes from the ALTERs.
      expect(compareSnapshots(expected, await snapshotOf(scratchUrl))).toEqual([]);

      const client = new pg.Client({ connectionString: scratchUrl });
      await client.connect();
      try {
        await client.query(`
          ALTER TABLE "Story" ALTER COLUMN "title" TYPE TEXT;
          ALTER TABLE "User" ALTER COLUMN "name" DROP NOT NULL;
          ALTER TABLE "Claim" ALTER COLUMN "status" DROP DEFAULT;
          ALTER TABLE "Source" ADD COLUMN "homepage" TEXT;
          DROP INDEX "Story_lastActivityAt_idx";
          DROP INDEX "Report_storyId_externalId_key";
          ALTER TABLE "Evidence" DROP CONSTRAINT "Evidence_relatedClaimId_fkey";
          ALTER TABLE "Evidence" ADD CONSTRAINT "Evidence_relatedClaimId_fkey" FOREIGN KEY ("relatedClaimId")
            REFERENCES "Claim"("id") ON DELETE SET NULL ON UPDATE CASCADE;
          ALTER TABLE "Fact" DROP CONSTRAINT "Fact_sourceCount_check";
          CREATE TABLE "Stray" ("id" INTEGER);
        `);
        await client.query(`ALTER TYPE "Role" ADD VALUE 'GUEST'`);
      } finally {
        await client.end();
      }

      const differences = compareSnapshots(expected, await snapshotOf(scratchUrl));
      expect(differences).toEqual([
        'check constraint (SQL-only) "Fact".Fact_sourceCount_check: missing from the database (expected check)',
        'column "Claim"."status": expected "ClaimStatus" NOT NULL DEFAULT "UNVERIFIED", database has "ClaimStatus" NOT NULL',
        'column "Source"."homepage": in the database but not in schema.prisma (text NULL)',
        'column "Story"."title": expected character varying(200) NOT NULL, database has text NOT NULL',
        'column "Stray"."id": in the database but not in schema.prisma (integer NULL)',
        'column "User"."name": expected character varying(120) NOT NULL, database has character varying(120) NULL',
        'enum Role: expected ADMIN, REVIEWER, EDITOR, VIEWER, database has ADMIN, REVIEWER, EDITOR, VIEWER, GUEST',
        'foreign key Evidence_relatedClaimId_fkey: expected "Evidence" (relatedClaimId) -> "Claim" (id) ON DELETE CASCADE ON UPDATE CASCADE, database has "Evidence" (relatedClaimId) -> "Claim" (id) ON DELETE SET NULL ON UPDATE CASCADE',
        'index Story_lastActivityAt_idx: missing from the database (expected "Story" btree (lastActivityAt DESC))',
        'partial index (SQL-only) Report_storyId_externalId_key: missing from the database (expected UNIQUE "Report" (storyId, externalId) WHERE ("externalId" IS NOT NULL))',
        "table Stray: in the database but not in schema.prisma (table)",
      ]);
    });
  });
});
