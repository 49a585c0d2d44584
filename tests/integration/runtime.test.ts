import { spawn, type ChildProcess } from "node:child_process";
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { once } from "node:events";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { readEnv } from "@/lib/env";
import { findFreePort } from "@/lib/db/embedded-postgres";
import { openDatabase } from "@/lib/runtime/database";

const folder = mkdtempSync(path.join(tmpdir(), "tandem-runtime-"));
chmodSync(folder, 0o755); // as root, the server runs as `postgres`, which must be able to reach its folder
afterAll(() => rmSync(folder, { recursive: true, force: true }));

async function holdDatabase(dataDir: string, port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, ["--import", "tsx", "tests/integration/support/hold-database.ts", dataDir, String(port)], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  const started = await Promise.race([
    once(child.stdout!, "data").then(([chunk]) => String(chunk)),
    once(child, "exit").then(() => "exited"),
  ]);
  expect(started).toContain("ready");
  return child;
}

async function markers(url: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<{ note: string }>("SELECT note FROM marker")).rows.map((row) => row.note);
  } finally {
    await client.end();
  }
}

describe("the embedded database of npm start", () => {
  it("refuses a second process on the same data, and recovers with the data intact after kill -9", async () => {
    const dataDir = path.join(folder, "data");
    const port = await findFreePort();
    const owner = await holdDatabase(dataDir, port);
    const env = readEnv({ TANDEM_DATA_DIR: dataDir, TANDEM_PG_PORT: String(port) });

    await expect(openDatabase(env)).rejects.toThrow(/already running/);

    owner.kill("SIGKILL"); // the database server it started is left behind, holding the port and the pid file
    await once(owner, "exit");
    const reopened = await openDatabase(env);
    try {
      expect(reopened.embedded).toBe(true);
      expect(await markers(reopened.url)).toEqual(["written before the crash"]);
    } finally {
      await reopened.stop();
    }

    // A clean stop leaves nothing behind: the next start is an ordinary restart.
    const again = await openDatabase(env);
    expect(await markers(again.url)).toEqual(["written before the crash"]);
    await again.stop();
  }, 60_000);

  it("starts no embedded database when DATABASE_URL is set", async () => {
    const url = "postgresql://someone:pw@db.example.test:5432/tandem";
    const database = await openDatabase(readEnv({ DATABASE_URL: url, TANDEM_DATA_DIR: path.join(folder, "unused") }));
    expect(database).toMatchObject({ url, embedded: false });
  });
});
