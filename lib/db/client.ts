// The one Prisma client of a process, over the `pg` driver adapter. Created on first use, so that importing a module
// never needs a database (`next build` imports every route).
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "./generated/client";
import { trackConnections } from "./driver";
import { serverEnv } from "../env";

const holder = globalThis as unknown as { tandemPrisma?: PrismaClient };

export function db(): PrismaClient {
  if (holder.tandemPrisma) return holder.tandemPrisma;
  const pool = new pg.Pool({ connectionString: serverEnv().DATABASE_URL, max: 10 });
  // Bulk statements reach their transaction's connection through pg itself (lib/db/driver.ts).
  trackConnections(pool);
  holder.tandemPrisma = new PrismaClient({
    adapter: new PrismaPg(pool, { disposeExternalPool: true }),
    // Under a burst (50 requests at once on a pool of 10), a transaction waits its turn for a connection instead of
    // failing after Prisma's default 2 s, and a slow machine gets more than 5 s to finish one; a call may still ask
    // for its own limits.
    transactionOptions: { maxWait: 10_000, timeout: 15_000 },
  });
  return holder.tandemPrisma;
}

export async function disconnectDb(): Promise<void> {
  await holder.tandemPrisma?.$disconnect();
  holder.tandemPrisma = undefined;
}

export type Db = PrismaClient;
/** A client or an interactive transaction: services accept either, so a caller can compose them in one transaction. */
export type Tx = Omit<PrismaClient, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;
export { Prisma } from "./generated/client";
export * from "./generated/enums";
