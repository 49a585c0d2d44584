// `npm run api-key -- create <name>` prints a new intake API key (shown this once; only its hash is stored).
// `npm run api-key -- list` shows the keys, `npm run api-key -- revoke <name>` revokes the live key of that name.
// Uses DATABASE_URL, else the embedded database of `npm start`: the running one if Tandem is up, else it starts it.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { readEnv } from "../lib/env";
import { folderDatabaseUrl, openDatabase, localSecret } from "../lib/runtime/database";
import { applyMigrations } from "../lib/db/migrate";
import { apiKeyNameSchema } from "../lib/api-keys/schemas";

const [command, ...rest] = process.argv.slice(2);
const name = rest.join(" ").trim();
const USAGE = "Usage: npm run api-key -- create <name> | list | revoke <name>";

if (!command || !["create", "list", "revoke"].includes(command) || (command !== "list" && !name)) {
  console.error(USAGE);
  process.exit(2);
}

const env = readEnv();
const database = runningTandemDatabase() ?? (await openDatabase(env, console.error));
process.env.DATABASE_URL = database.url;
// The services read their configuration through lib/env.ts; a command-line run needs no session secret of its own.
process.env.AUTH_SECRET ??= localSecret(path.resolve(env.TANDEM_DATA_DIR), "auth-secret");
let exitCode = 0;
try {
  await applyMigrations(database.url);
  const { db, disconnectDb } = await import("../lib/db/client");
  const { createApiKey, revokeApiKey } = await import("../lib/api-keys/service");
  try {
    if (command === "create") {
      const parsed = apiKeyNameSchema.safeParse(name);
      if (!parsed.success) throw new Error(parsed.error.issues[0]?.message ?? "Invalid name");
      const made = await createApiKey(null, parsed.data);
      console.error(`Created API key "${made.name}". Copy it now: it is not shown again.`);
      console.log(made.key);
    } else if (command === "list") {
      const keys = await db().apiKey.findMany({ orderBy: { createdAt: "asc" }, select: { name: true, prefix: true, createdAt: true, lastUsedAt: true, revokedAt: true } });
      for (const key of keys) {
        console.log(`${key.prefix}…  ${key.name}  created ${key.createdAt.toISOString()}  ${key.revokedAt ? `revoked ${key.revokedAt.toISOString()}` : "active"}`);
      }
      if (keys.length === 0) console.error("No API keys yet.");
    } else {
      const live = await db().apiKey.findFirst({ where: { name, revokedAt: null }, select: { id: true } });
      if (!live) throw new Error(`No live key is named "${name}".`);
      await revokeApiKey(null, live.id);
      console.error(`Revoked "${name}".`);
    }
  } finally {
    await disconnectDb();
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  exitCode = 1;
} finally {
  await database.stop();
}
process.exit(exitCode);

/** The embedded database of a Tandem that is running now (its data folder's lock is held by a live process). */
function runningTandemDatabase() {
  if (env.DATABASE_URL) return null;
  const dataDir = path.resolve(env.TANDEM_DATA_DIR);
  const lock = path.join(dataDir, "tandem.pid");
  if (!existsSync(lock)) return null;
  const owner = Number(readFileSync(lock, "utf8").trim());
  try {
    process.kill(owner, 0);
  } catch {
    return null;
  }
  return { url: folderDatabaseUrl(dataDir, env.TANDEM_PG_PORT), embedded: true, stop: async () => {} };
}
