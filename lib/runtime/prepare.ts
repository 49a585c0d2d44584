// What every entry point that runs the app needs first: a database with the current migrations, a signing secret,
// and (in demo mode) the demo data. Shared by `npm start` and the browser tests' server.
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../db/generated/client";
import { applyMigrations } from "../db/migrate";
import { isStrongSecret, type Env } from "../env";
import { hashPassword } from "../auth/passwords";
import { seedDemoData } from "../seed/demo-data";
import { openDatabase, localSecret, type Database } from "./database";

export interface Prepared {
  database: Database;
  authSecret: string;
  seeded: { created: boolean; users: number; leads: number } | null;
}

/**
 * In production (NODE_ENV=production set by whoever runs Tandem) a strong AUTH_SECRET is required; otherwise a
 * random one is generated once into the data folder, so demo sessions survive restarts.
 */
export function resolveAuthSecret(env: Env): string {
  const given = env.AUTH_SECRET ?? env.NEXTAUTH_SECRET;
  if (isStrongSecret(given)) return given;
  if (env.NODE_ENV === "production") {
    throw new Error(
      "Refusing to start: NODE_ENV=production needs a strong AUTH_SECRET (at least 32 random characters). " +
        "Generate one with `openssl rand -base64 32` and set it in the environment.",
    );
  }
  if (given) console.warn("AUTH_SECRET is too weak; using a generated demo secret instead.");
  return localSecret(path.resolve(env.TANDEM_DATA_DIR), "auth-secret");
}

export async function prepare(env: Env, log: (line: string) => void): Promise<Prepared> {
  const authSecret = resolveAuthSecret(env);
  const database = await openDatabase(env, log);
  try {
    const applied = await applyMigrations(database.url);
    if (applied.length > 0) log(`Applied ${applied.length} migration(s): ${applied.join(", ")}`);
    const seeded = env.TANDEM_SKIP_SEED ? null : await seedIfEmpty(database.url);
    return { database, authSecret, seeded };
  } catch (error) {
    await database.stop();
    throw error;
  }
}

async function seedIfEmpty(url: string): Promise<Prepared["seeded"]> {
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: url }) });
  try {
    const { DEMO_PASSWORD } = await import("../seed/demo-users");
    const now = new Date();
    now.setUTCHours(0, 0, 0, 0);
    return await seedDemoData(prisma, { now, passwordHash: await hashPassword(DEMO_PASSWORD) });
  } finally {
    await prisma.$disconnect();
  }
}
