// The production server's web workers (scripts/start.ts, node:cluster): a worker that dies is replaced, the others
// keep answering meanwhile, and a stop ends every worker. The server runs as `npm start` starts it, with two workers,
// against its own fresh embedded PostgreSQL (support/own-server.ts); the browser tests' server is not involved.
import { execFileSync } from "node:child_process";
import { expect, test } from "@playwright/test";
import { startOwnServer, type OwnServer } from "./support/own-server";

/** The server's web workers: its child processes running the start script (not helpers such as the TS loader's). */
function workerPids(primary: number): number[] {
  let listed = "";
  try {
    listed = execFileSync("ps", ["-o", "pid=,args=", "--ppid", String(primary)], { encoding: "utf8" });
  } catch {
    return []; // ps exits 1 when there is no child
  }
  return listed
    .split("\n")
    .filter((line) => line.includes("scripts/start.ts"))
    .map((line) => Number(line.trim().split(/\s+/, 1)[0]));
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

test("a web worker killed is replaced while the other keeps answering, and a stop ends them all", async () => {
  test.setTimeout(180_000);
  let own: OwnServer | undefined;
  try {
    own = await startOwnServer("workers", { WEB_CONCURRENCY: "2" });
    const { baseUrl, apiKey, server } = own;
    const primary = server.pid!;
    await expect.poll(() => workerPids(primary).length, { timeout: 30_000 }).toBe(2);
    const [victim, survivor] = workerPids(primary) as [number, number];

    // Leads keep arriving while one worker is killed; every request gets an answer, from the other worker or, once it
    // is up, the new one. Only while the killed worker is being replaced may a request be cut off: the one inside it
    // when it died, and one the primary handed it before it saw the death (found in CI). The client's timeout ends
    // such a request, as a client's own would. Before the kill and once the replacement runs, none is.
    let sending = true;
    type Phase = "before" | "replacing" | "replaced";
    let phase: Phase = "before";
    // Each request with the phase it was sent in and the one it ended in.
    const sent: { from: Phase; to: Phase; status: number | "cut off" }[] = [];
    const sender = (async () => {
      for (let n = 0; sending; n++) {
        const at = phase;
        try {
          const response = await fetch(`${baseUrl}/api/v1/leads`, {
            method: "POST",
            headers: { authorization: `Bearer ${apiKey}`, "content-type": "application/json" },
            body: JSON.stringify({ name: `Worker ${n}`, email: `worker.${n}@workers.test`, company: "Workers Co", source: "WEBSITE" }),
            signal: AbortSignal.timeout(10_000),
          });
          sent.push({ from: at, to: phase, status: response.status });
        } catch {
          sent.push({ from: at, to: phase, status: "cut off" });
        }
      }
    })();
    await expect.poll(() => sent.length, { timeout: 30_000 }).toBeGreaterThan(5);
    phase = "replacing";
    process.kill(victim, "SIGKILL");
    await expect.poll(() => alive(victim), { timeout: 10_000 }).toBe(false);
    await expect.poll(() => workerPids(primary).filter((pid) => pid !== victim).length, { timeout: 60_000 }).toBe(2);
    const replacement = workerPids(primary).find((pid) => pid !== survivor)!;
    expect(alive(survivor)).toBe(true);
    phase = "replaced";
    // The replacement answers too: the port is shared, so keep sending until its first answers are in.
    await expect.poll(() => sent.filter((request) => request.from === "replaced").length, { timeout: 30_000 }).toBeGreaterThan(20);
    sending = false;
    await sender;
    expect(sent.filter((request) => request.status !== 201 && request.status !== "cut off"), "answers other than created").toEqual([]);
    // Cut off only if it was under way while the worker was being replaced.
    const acrossTheKill = (request: (typeof sent)[number]) => request.from !== "replaced" && request.to !== "before";
    expect(sent.filter((request) => request.status === "cut off" && !acrossTheKill(request)), "cut off outside the replacement").toEqual([]);
    expect((await fetch(`${baseUrl}/api/health`)).status).toBe(200);

    // A stop (SIGTERM to the primary) ends the workers, then the primary.
    const exited = new Promise((resolve) => server.once("exit", (code) => resolve(code)));
    process.kill(primary, "SIGTERM");
    expect(await exited).toBe(0);
    for (const pid of [survivor, replacement]) await expect.poll(() => alive(pid), { timeout: 10_000 }).toBe(false);
  } finally {
    await own?.dispose();
  }
});
