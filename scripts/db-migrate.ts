// `npm run db:migrate -- <name>`: writes a new migration from prisma/schema.prisma, offline, then applies it.
import { readEnv } from "../lib/env";
import { openDatabase } from "../lib/runtime/database";
import { applyMigrations, createMigration } from "../lib/db/migrate";

const name = process.argv[2];
if (!name) {
  console.error("Usage: npm run db:migrate -- <migration_name>");
  process.exit(2);
}

const database = await openDatabase(readEnv(), console.error);
try {
  await applyMigrations(database.url);
  const folder = await createMigration(database.url, name);
  if (!folder) {
    console.log("The schema and the migrations already agree: nothing to create.");
  } else {
    await applyMigrations(database.url);
    console.log(`Created and applied prisma/migrations/${folder}/migration.sql`);
  }
} finally {
  await database.stop();
}
