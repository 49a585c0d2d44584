// Prisma's schema engine, run as WebAssembly over the `pg` driver, so that migrations need no native binary and no
// network. The Prisma CLI does the same thing internally once its native engine is downloaded; here it never is.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { randomUUID } from "node:crypto";
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import {
  bindMigrationAwareSqlAdapterFactory,
  type SqlDriverAdapter,
  type SqlQueryable,
  type SqlMigrationAwareDriverAdapterFactory,
} from "@prisma/driver-adapter-utils";
import * as bindings from "@prisma/schema-engine-wasm/schema_engine_bg";
import type { SchemaEngine } from "@prisma/schema-engine-wasm";

const require = createRequire(import.meta.url);

let loaded = false;

/** Instantiates the .wasm module by hand: its package entry would need `--experimental-wasm-modules`. */
function loadBindings(): typeof bindings {
  if (loaded) return bindings;
  const entry = require.resolve("@prisma/schema-engine-wasm/schema_engine_bg");
  const bytes = readFileSync(path.join(path.dirname(entry), "schema_engine_bg.wasm"));
  const instance = new WebAssembly.Instance(new WebAssembly.Module(bytes), {
    "./schema_engine_bg.js": bindings as unknown as WebAssembly.ModuleImports,
  });
  const exports = instance.exports as unknown as { __wbindgen_start: () => void };
  (bindings as unknown as { __wbg_set_wasm: (wasm: unknown) => void }).__wbg_set_wasm(exports);
  exports.__wbindgen_start();
  loaded = true;
  return bindings;
}

// The engine reports panics through this global; without it a panic becomes an unreadable TypeError.
const panicRegistry = { message: "", set_message(message: string) { this.message = message; } };
(globalThis as Record<string, unknown>).PRISMA_WASM_PANIC_REGISTRY ??= panicRegistry;

/**
 * Host, port, user, password and database go to `pg` as separate fields: given a connection string, `pg` lets the
 * URL's database win over the one the engine asks for, and the engine's scratch ("shadow") database would silently
 * become the real one.
 */
export function connectionFields(databaseUrl: string) {
  const url = new URL(databaseUrl);
  return {
    host: url.hostname,
    port: Number(url.port || 5432),
    user: decodeURIComponent(url.username),
    password: decodeURIComponent(url.password),
    database: decodeURIComponent(url.pathname.slice(1)),
    ssl: url.searchParams.get("sslmode") === "require" ? { rejectUnauthorized: false } : undefined,
  };
}

type ConnectionFields = ReturnType<typeof connectionFields> & { Client?: typeof pg.Client };

const PG_CHAR_OID = 18;
const PG_TEXT_OID = 25;
const CHARACTER_COLUMN = 6; // ColumnTypeEnum.Character in @prisma/driver-adapter-utils

/** Result rows whose columns at these positions were PostgreSQL's internal one-byte `"char"`. */
const charColumnsByRows = new WeakMap<object, number[]>();

function noteCharColumns<T>(result: T): T {
  const { fields, rows } = (result ?? {}) as { fields?: { dataTypeID: number }[]; rows?: object };
  const positions: number[] = [];
  fields?.forEach((field, index) => {
    if (field.dataTypeID !== PG_CHAR_OID) return;
    field.dataTypeID = PG_TEXT_OID; // the adapter refuses the unknown type; its text form is exact
    positions.push(index);
  });
  if (positions.length > 0 && rows) charColumnsByRows.set(rows, positions);
  return result;
}

/**
 * PostgreSQL's catalogs use the internal `"char"` type, which the pg adapter does not know, and the engine reads its
 * values as single characters. The client reports those columns as text and remembers where they were; the adapter
 * wrapper below then tells the engine they are character columns.
 */
class CatalogFriendlyClient extends pg.Client {
  // pg-pool calls query(config, callback); the adapter awaits query(config). Both shapes are covered.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  override query(...args: any[]): any {
    const callbackAt = args.findIndex((arg) => typeof arg === "function");
    if (callbackAt >= 0) {
      const callback = args[callbackAt] as (error: Error | null, result?: unknown) => void;
      args[callbackAt] = (error: Error | null, result?: unknown) => callback(error, noteCharColumns(result));
      return (super.query as (...a: unknown[]) => unknown)(...args);
    }
    const pending = (super.query as (...a: unknown[]) => unknown)(...args);
    return pending instanceof Promise ? pending.then(noteCharColumns) : pending;
  }
}

function withCharacterColumns<T extends SqlQueryable>(queryable: T): T {
  const queryRaw = queryable.queryRaw.bind(queryable);
  queryable.queryRaw = async (query) => {
    const result = await queryRaw(query);
    for (const position of charColumnsByRows.get(result.rows) ?? []) {
      result.columnTypes[position] = CHARACTER_COLUMN as (typeof result.columnTypes)[number];
    }
    return result;
  };
  return queryable;
}

/**
 * The pg adapter runs a migration script by splitting it on every `;`, which cuts function bodies (`$$ … ; … $$`)
 * apart. PostgreSQL's simple-query protocol runs a whole multi-statement script exactly as written, in one implicit
 * transaction, so a failing migration leaves nothing half-applied.
 */
function withWholeScripts(adapter: SqlDriverAdapter): SqlDriverAdapter {
  const pool = (adapter as unknown as { underlyingDriver: () => pg.Pool }).underlyingDriver();
  const reportError = (adapter as unknown as { onError: (error: unknown) => never }).onError.bind(adapter);
  adapter.executeScript = async (script) => {
    try {
      await pool.query(script);
    } catch (error) {
      reportError(error);
    }
  };
  return adapter;
}

function withCatalogSupport(adapter: SqlDriverAdapter): SqlDriverAdapter {
  withWholeScripts(adapter);
  const startTransaction = adapter.startTransaction.bind(adapter);
  adapter.startTransaction = async (isolationLevel) => withCharacterColumns(await startTransaction(isolationLevel));
  return withCharacterColumns(adapter);
}

/**
 * The pg adapter's own scratch database is dropped while its pool still holds a connection, which fails and leaves
 * the database behind. This factory closes the pool first, then drops the scratch database.
 */
class MigrationAdapterFactory implements SqlMigrationAwareDriverAdapterFactory {
  readonly provider = "postgres" as const;
  readonly adapterName = "tandem-pg-migrate";
  private readonly fields: ConnectionFields;
  constructor(fields: ReturnType<typeof connectionFields>) {
    this.fields = { ...fields, Client: CatalogFriendlyClient };
  }

  async connect(): Promise<SqlDriverAdapter> {
    return withCatalogSupport(await new PrismaPg(this.fields, { onPoolError: () => {} }).connect());
  }

  async connectToShadowDb(): Promise<SqlDriverAdapter> {
    const database = `tandem_shadow_${randomUUID().replaceAll("-", "")}`;
    await this.admin(`CREATE DATABASE "${database}"`);
    const adapter = withCatalogSupport(
      await new PrismaPg({ ...this.fields, database }, { onPoolError: () => {} }).connect(),
    );
    const dispose = adapter.dispose.bind(adapter);
    adapter.dispose = async () => {
      await dispose();
      await this.admin(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
    };
    return adapter;
  }

  private async admin(sql: string): Promise<void> {
    const client = new pg.Client(this.fields);
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  }
}

export interface EngineHandle {
  engine: SchemaEngine;
  close: () => void;
}

export async function openSchemaEngine(databaseUrl: string, schema?: { path: string; content: string }): Promise<EngineHandle> {
  const wasm = loadBindings();
  const adapter = bindMigrationAwareSqlAdapterFactory(new MigrationAdapterFactory(connectionFields(databaseUrl)));
  const log = () => {};
  const engine = await wasm.SchemaEngine.new(
    { datamodels: schema ? [[schema.path, schema.content]] : undefined },
    log,
    adapter,
  );
  return {
    engine,
    close: () => engine.free(),
  };
}
