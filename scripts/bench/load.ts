// The "Load" group of `npm run bench`: the production server under many concurrent connections (50 for 60 s by
// default; --load-connections, --load-seconds) on the benchmark data set, for sign-in, a rep's home, the CRO dashboard,
// accepting and rejecting handovers (the server actions, over HTTP as the browser sends them) and the intake API.
// The writes go to a copy of the data set (CREATE DATABASE … TEMPLATE), dropped afterwards, so the data set itself
// stays as generated.
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import type { ChildProcess } from "node:child_process";
import autocannon from "autocannon";
import bcrypt from "bcryptjs";
import pg from "pg";
import { readEnv } from "../../lib/env";
import { findFreePort } from "../../lib/db/embedded-postgres";
import { formatApiKey, hashApiKey, shownPrefix } from "../../lib/api-keys/rules";
import { ensureBuild } from "../../lib/runtime/build";
import { startProductionServer } from "./intake-setup";
import { benchLead } from "./intake";

export interface LoadResult {
  operation: string;
  requests: number;
  rate: number;
  p50Ms: number;
  p99Ms: number;
  fiveXx: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  seconds: number;
  detail: string;
}

const PASSWORD = "load-test-password-2026";

/** The id Next gave each server action in this build, by file and export name. */
function actionId(file: string, name: string): string {
  const manifest = JSON.parse(readFileSync(path.join(process.cwd(), ".next/server/server-reference-manifest.json"), "utf8")) as { node: Record<string, { filename?: string; exportedName?: string }> };
  const found = Object.entries(manifest.node).find(([, entry]) => entry.filename === file && entry.exportedName === name);
  if (!found) throw new Error(`No server action ${name} of ${file} in this build.`);
  return found[0];
}

function withDatabase(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

/** Signs in through next-auth's credentials endpoint, as the sign-in form does; returns the cookies to send. */
async function signIn(baseUrl: string, email: string): Promise<{ cookie: string; csrfCookie: string; form: string }> {
  const csrf = await fetch(`${baseUrl}/api/auth/csrf`);
  const csrfCookie = csrf.headers.getSetCookie().map((cookie) => cookie.split(";")[0]).join("; ");
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const form = new URLSearchParams({ csrfToken, email, password: PASSWORD, callbackUrl: `${baseUrl}/`, json: "true" }).toString();
  const response = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: csrfCookie },
    body: form,
    redirect: "manual",
  });
  const session = response.headers.getSetCookie().find((cookie) => cookie.includes("session-token="));
  if (!session) throw new Error(`Signing in as ${email} failed (${response.status}).`);
  return { cookie: `${csrfCookie}; ${session.split(";")[0]}`, csrfCookie, form };
}

export async function benchLoad(benchUrl: string, options: { seconds: number; connections: number; log: (line: string) => void }): Promise<LoadResult[]> {
  const { log, seconds, connections } = options;
  const source = new URL(benchUrl).pathname.slice(1);
  const copy = `${source}_load`;
  const admin = new pg.Client({ connectionString: withDatabase(benchUrl, "postgres") });
  await admin.connect();
  let server: ChildProcess | undefined;
  try {
    log(`Load: copying the data set to ${copy} (the load's writes never touch the data set itself)…`);
    await admin.query(`DROP DATABASE IF EXISTS "${copy}"`);
    // A copy needs the source to have no open connection: the benchmark's own pools close a moment after they are told.
    for (let attempt = 1; ; attempt++) {
      try {
        await admin.query(`CREATE DATABASE "${copy}" TEMPLATE "${source}"`);
        break;
      } catch (error) {
        if (attempt >= 20 || !/being accessed by other users/.test(String(error))) throw error;
        await new Promise((resolve) => setTimeout(resolve, 1_000));
      }
    }
    const url = withDatabase(benchUrl, copy);

    // Sign-ins for the CRO and the rep with the most waiting handovers, a key for the intake API, and enough fresh
    // handovers waiting for that rep for every accept or reject the run can make.
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    // Far more than the accept/reject run can answer (a few dozen per second here), so every call finds a fresh one.
    const handovers = Math.max(2_000, seconds * 200);
    let apiKey: string;
    let cro: string, rep: string;
    let everyone: string[];
    try {
      const hash = await bcrypt.hash(PASSWORD, readEnv().TANDEM_BCRYPT_ROUNDS);
      cro = (await client.query<{ email: string }>(`UPDATE "User" SET "passwordHash" = $1 WHERE id = (SELECT id FROM "User" WHERE role = 'CRO' AND active ORDER BY id LIMIT 1) RETURNING email`, [hash])).rows[0]!.email;
      const repRow = (
        await client.query<{ id: string; email: string }>(
          `UPDATE "User" SET "passwordHash" = $1 WHERE id = (SELECT "toUserId" FROM "Handover" WHERE status = 'PENDING' GROUP BY "toUserId" ORDER BY count(*) DESC, "toUserId" LIMIT 1) RETURNING id, email`,
          [hash],
        )
      ).rows[0]!;
      rep = repRow.email;
      // Every account can sign in: the sign-in run spreads over all of them, since one account signing in 50 times at
      // once is what the per-account throttle exists to refuse.
      everyone = (await client.query<{ email: string }>(`UPDATE "User" SET "passwordHash" = $1 WHERE active RETURNING email`, [hash])).rows.map((row) => row.email);
      apiKey = formatApiKey(randomBytes(32));
      await client.query(`INSERT INTO "ApiKey" (id, name, prefix, hash) VALUES ('load-key', 'Load', $1, $2)`, [shownPrefix(apiKey), hashApiKey(apiKey)]);
      await client.query(
        `WITH d AS (SELECT version FROM "LeadDefinition" WHERE status = 'ACTIVE'), c AS (SELECT id FROM "Company" ORDER BY id LIMIT 1)
         INSERT INTO "Lead" (id, name, email, "companyId", source, stage, "stageChangedAt", score, "qualifiedVersion", version, "createdAt", "updatedAt")
         SELECT 'load-lead-' || n, 'Load Lead ' || n, 'load.' || n || '@load.test', c.id, 'WEBINAR', 'MQL', now(), 80, d.version, 1, now(), now()
         FROM generate_series(1, $1::int) n, c, d`,
        [handovers],
      );
      await client.query(
        `INSERT INTO "Handover" (id, "leadId", "toUserId", "definitionVersion", "createdAt", "dueAt", "firstTouchHours", source)
         SELECT 'load-handover-' || n, 'load-lead-' || n, $2, (SELECT version FROM "LeadDefinition" WHERE status = 'ACTIVE'), now(), now() + interval '24 hours', 48, 'WEBINAR'
         FROM generate_series(1, $1::int) n`,
        [handovers, repRow.id],
      );
      await client.query(`ANALYZE`);
    } finally {
      await client.end();
    }

    if (!ensureBuild()) throw new Error("The production build failed.");
    const port = await findFreePort();
    const baseUrl = `http://127.0.0.1:${port}`;
    log(`Load: production server on ${baseUrl}, ${connections} connections for ${seconds} s per operation…`);
    // As behind a load balancer (one trusted proxy hop): each sign-in comes from its own client address, as real
    // users' do, so the per-address throttle (which would refuse one address signing in this often) stays out of it.
    server = await startProductionServer(url, port, randomBytes(32).toString("base64url"), { env: { TANDEM_TRUSTED_PROXY_HOPS: "1" } });
    const repSession = await signIn(baseUrl, rep);
    const croSession = await signIn(baseUrl, cro);

    const accept = actionId("lib/handovers/actions.ts", "acceptHandoverAction");
    const reject = actionId("lib/handovers/actions.ts", "rejectHandoverAction");
    let handover = 0;
    let address = 0;
    let lead = 0;
    const run = Date.now().toString(36);
    const operations: { operation: string; options: autocannon.Options }[] = [
      {
        operation: `Sign-in (POST credentials, bcrypt cost ${readEnv().TANDEM_BCRYPT_ROUNDS}, all ${everyone.length} accounts)`,
        options: {
          url: `${baseUrl}/api/auth/callback/credentials`,
          method: "POST",
          headers: { "content-type": "application/x-www-form-urlencoded", cookie: repSession.csrfCookie },
          requests: [
            {
              setupRequest: (request) => {
                const form = new URLSearchParams(repSession.form);
                form.set("email", everyone[address % everyone.length]!);
                const forwardedFor = `10.${(address >> 16) & 255}.${(address >> 8) & 255}.${address & 255}`;
                address += 1;
                return { ...request, headers: { ...request.headers, "x-forwarded-for": forwardedFor }, body: form.toString() };
              },
            },
          ],
        },
      },
      { operation: "Rep home (GET /queue, the busiest rep)", options: { url: `${baseUrl}/queue`, headers: { cookie: repSession.cookie } } },
      { operation: "CRO dashboard (GET /dashboard, 90 days)", options: { url: `${baseUrl}/dashboard`, headers: { cookie: croSession.cookie } } },
      {
        operation: "Accept / reject a handover (server actions, alternating)",
        options: {
          url: `${baseUrl}/queue`,
          method: "POST",
          headers: { cookie: repSession.cookie, accept: "text/x-component", "content-type": "text/plain;charset=UTF-8", origin: baseUrl },
          requests: [
            {
              setupRequest: (request) => {
                handover += 1;
                const id = `load-handover-${handover}`;
                const accepting = handover % 2 === 0;
                const input = accepting ? { handoverId: id, leadVersion: 1 } : { handoverId: id, leadVersion: 1, reasonCode: "no_budget", note: "No budget this year" };
                return { ...request, headers: { ...request.headers, "next-action": accepting ? accept : reject }, body: JSON.stringify([input]) };
              },
            },
          ],
        },
      },
      {
        operation: "Intake API (POST /api/v1/leads, one lead)",
        options: {
          url: `${baseUrl}/api/v1/leads`,
          method: "POST",
          headers: { authorization: `Bearer ${apiKey}`, "content-type": "application/json" },
          requests: [{ setupRequest: (request) => ({ ...request, body: JSON.stringify(benchLead(`load${run}`, lead++)) }) }],
        },
      },
    ];

    const results: LoadResult[] = [];
    for (const { operation, options: load } of operations) {
      const measured = await autocannon({ ...load, connections, duration: seconds, timeout: 30 });
      const result: LoadResult = {
        operation,
        requests: measured.requests.total,
        rate: measured.requests.average,
        p50Ms: measured.latency.p50,
        p99Ms: measured.latency.p99,
        fiveXx: measured["5xx"],
        non2xx: measured.non2xx,
        errors: measured.errors,
        timeouts: measured.timeouts,
        seconds: measured.duration,
        detail: `${connections} connections, ${seconds} s; status ${Object.entries(measured.statusCodeStats ?? {}).map(([code, stats]) => `${code}×${stats.count}`).join(" ") || "none"}`,
      };
      results.push(result);
      log(`Load: ${operation}: ${result.rate.toFixed(1)} requests/s, p50 ${result.p50Ms} ms, p99 ${result.p99Ms} ms, 5xx ${result.fiveXx}, other non-2xx ${result.non2xx - result.fiveXx}, errors ${result.errors}, timeouts ${result.timeouts} (${result.detail}).`);
      // Requests still queued in the server from this run must not count against the next one.
      await settle(baseUrl);
    }

    // What the action calls did: a 200 carries the action's own answer, so the database says how many succeeded.
    const check = new pg.Client({ connectionString: url });
    await check.connect();
    try {
      const answered = (await check.query<{ status: string; n: string }>(`SELECT status, count(*) AS n FROM "Handover" WHERE id LIKE 'load-handover-%' AND status <> 'PENDING' GROUP BY status`)).rows;
      const actions = results[3]!;
      actions.detail += `; ${answered.map((row) => `${row.n} ${row.status.toLowerCase()}`).join(", ") || "none answered"} of ${handover} calls`;
      log(`Load: handovers answered by the action calls: ${actions.detail}.`);
    } finally {
      await check.end();
    }
    return results;
  } finally {
    if (server && server.exitCode === null) {
      server.kill("SIGTERM");
      await new Promise((resolve) => server!.once("exit", resolve));
    }
    await admin.query(`DROP DATABASE IF EXISTS "${copy}" WITH (FORCE)`).catch(() => {});
    await admin.end();
  }
}

/** Waits until the server answers its health route within 200 ms (at most 60 s). */
async function settle(baseUrl: string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    const started = Date.now();
    const ok = await fetch(`${baseUrl}/api/health`, { signal: AbortSignal.timeout(10_000) }).then((response) => response.ok, () => false);
    if (ok && Date.now() - started < 200) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

export function formatLoadTable(results: readonly LoadResult[]): string {
  const header = ["operation", "requests/s", "p50 ms", "p99 ms", "5xx", "non-2xx", "errors", "timeouts", "requests", "detail"];
  const rows = results.map((result) => [result.operation, result.rate.toFixed(1), String(result.p50Ms), String(result.p99Ms), String(result.fiveXx), String(result.non2xx), String(result.errors), String(result.timeouts), String(result.requests), result.detail]);
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]!.length)));
  const line = (cells: string[]) => `| ${cells.map((cell, column) => cell.padEnd(widths[column]!)).join(" | ")} |`;
  return [line(header), `|${widths.map((width) => "-".repeat(width + 2)).join("|")}|`, ...rows.map(line)].join("\n");
}
