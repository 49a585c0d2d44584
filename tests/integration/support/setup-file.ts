import { afterAll, beforeAll, inject, vi } from "vitest";

// Before any application module reads its configuration.
process.env.DATABASE_URL = inject("databaseUrl");
process.env.AUTH_SECRET = "it-8Hq2xZr5Lw9Vb3Nd7Kf1Mp4Ts6Yc0Ge";
process.env.TANDEM_BCRYPT_ROUNDS = "4";

// Server actions call these Next.js request APIs; outside a request there is no session cookie and no page cache.
// The session seam is replaced by `signInAs` (support/session.ts); everything behind it is the real code.
vi.mock("@/lib/auth/session", async () => (await import("./session")).sessionModule);
vi.mock("next/cache", () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));

const { resetDatabase } = await import("./db");
const { disconnectDb } = await import("@/lib/db/client");

beforeAll(async () => {
  await resetDatabase();
});

afterAll(async () => {
  await disconnectDb();
});
