// kill -9 of the production server in the middle of a burst of intake API writes, then a restart: every write that
// got a success response is there, nothing is half-written, and retrying every request with its Idempotency-Key
// writes each lead exactly once. The server (as `npm start` starts it, with the build `npm test` made) runs as a child
// process against its own fresh embedded PostgreSQL (support/own-server.ts); the browser tests' server is not involved.
import { randomUUID } from "node:crypto";
import pg from "pg";
import { expect, test } from "@playwright/test";
import { startOwnServer, type OwnServer } from "./support/own-server";

const REQUESTS = 240;
const CONNECTIONS = 16;
/** The server is killed once this many requests have succeeded, with the others in flight. */
const KILL_AFTER = 80;

interface Sent {
  email: string;
  key: string;
  body: string;
  status: number | "no answer";
  leadId?: string;
}

test("kill -9 mid-burst: every acknowledged write survives, none is half-written, retries with the same key write each lead once", async () => {
  test.setTimeout(180_000);
  let own: OwnServer | undefined;
  const killServer = (signal: NodeJS.Signals) => {
    const server = own?.server;
    if (server && server.exitCode === null && server.signalCode === null) process.kill(-server.pid!, signal);
  };
  try {
    own = await startOwnServer("crash");
    const { baseUrl, apiKey, databaseUrl: url } = own;

    // One lead per request, each with its own Idempotency-Key; one in four qualifies and is handed to a rep.
    const sent: Sent[] = Array.from({ length: REQUESTS }, (_, n) => {
      const fits = n % 4 === 0;
      const email = `crash.${n}@crash.test`;
      const lead = { name: `Crash ${n}`, email, company: `Crash Co ${n % 20}`, title: fits ? "VP Sales" : "Analyst", companySize: fits ? 500 : 10, industry: "Software", country: "US", source: fits ? "WEBINAR" : "WEBSITE" };
      return { email, key: randomUUID(), body: JSON.stringify(lead), status: "no answer" };
    });
    const post = async (request: Sent) => {
      const response = await fetch(`${baseUrl}/api/v1/leads`, {
        method: "POST",
        headers: { authorization: `Bearer ${apiKey}`, "content-type": "application/json", "idempotency-key": request.key },
        body: request.body,
        signal: AbortSignal.timeout(30_000),
      });
      const body = (await response.json()) as { lead?: { id: string } };
      return { status: response.status, leadId: body.lead?.id, replayed: response.headers.get("idempotent-replayed") === "true" };
    };

    // The burst: 16 connections; the server is killed (SIGKILL, its whole process group) after 80 successes.
    let next = 0;
    let succeeded = 0;
    const burst = async () => {
      for (let index = next++; index < REQUESTS; index = next++) {
        const request = sent[index]!;
        try {
          const answer = await post(request);
          request.status = answer.status;
          request.leadId = answer.leadId;
          if (answer.status < 300 && ++succeeded === KILL_AFTER) killServer("SIGKILL");
        } catch {
          request.status = "no answer";
        }
      }
    };
    await Promise.all(Array.from({ length: CONNECTIONS }, burst));
    const killed = own.server;
    await new Promise((resolve) => (killed.exitCode !== null || killed.signalCode !== null ? resolve(null) : killed.once("exit", resolve)));
    const acknowledged = sent.filter((request) => typeof request.status === "number" && request.status < 300);
    const unanswered = sent.filter((request) => request.status === "no answer");
    expect(acknowledged.length).toBeGreaterThanOrEqual(KILL_AFTER);
    expect(unanswered.length, "requests cut off by the crash").toBeGreaterThan(0);
    // Refusals would mean a bad request; a 5xx (the machine overloaded: a transaction that could not start in time)
    // wrote nothing and is retried below like a cut-off request.
    expect(sent.filter((request) => typeof request.status === "number" && request.status >= 300 && request.status < 500), "refusals before the crash").toEqual([]);
    const overloaded = sent.filter((request) => typeof request.status === "number" && request.status >= 500).length;

    // Restart against the same database.
    await own.restart();

    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      const state = async () => {
        const leads = (await client.query<{ id: string; email: string; stage: string }>(`SELECT id, email, stage FROM "Lead" WHERE email LIKE 'crash.%'`)).rows;
        const incomplete = (
          await client.query<{ email: string }>(`
            SELECT l.email FROM "Lead" l
            WHERE l.email LIKE 'crash.%' AND (
              (SELECT count(*) FROM "StageChange" s WHERE s."leadId" = l.id AND s."fromStage" IS NULL AND s."toStage" = 'INQUIRY') <> 1
              OR NOT EXISTS (SELECT 1 FROM "SourceTouch" t WHERE t."leadId" = l.id AND t.created)
              OR NOT EXISTS (SELECT 1 FROM "AuditEvent" a WHERE a."entityId" = l.id)
              OR (l.stage = 'MQL') <> EXISTS (SELECT 1 FROM "Handover" h WHERE h."leadId" = l.id AND h.status = 'PENDING')
            )`)
        ).rows;
        const keys = Number((await client.query<{ n: string }>(`SELECT count(*) AS n FROM "IdempotencyKey"`)).rows[0]!.n);
        return { leads, incomplete, keys };
      };

      // Every acknowledged write is there, with the id it was acknowledged with; none is half-written; each lead's
      // idempotency record was committed with it (one per lead, no more).
      const afterCrash = await state();
      const byEmail = new Map(afterCrash.leads.map((lead) => [lead.email, lead]));
      for (const request of acknowledged) expect(byEmail.get(request.email)?.id, request.email).toBe(request.leadId);
      expect(afterCrash.incomplete).toEqual([]);
      expect(afterCrash.keys).toBe(afterCrash.leads.length);
      expect(new Set(afterCrash.leads.map((lead) => lead.email)).size).toBe(afterCrash.leads.length);
      const committedUnanswered = unanswered.filter((request) => byEmail.has(request.email)).length;

      // Every request retried with its own key: the acknowledged ones replay their first answer, the rest are
      // written now (or replayed, when the crash cut only the answer). Then once more: all replays.
      for (const round of [1, 2]) {
        // On the same 16 connections, as a client would retry; an overloaded answer (5xx) is retried, up to 3 times.
        const answers: { request: Sent; answer: Awaited<ReturnType<typeof post>> }[] = [];
        let position = 0;
        const retry = async () => {
          for (let index = position++; index < REQUESTS; index = position++) {
            const request = sent[index]!;
            let answer = await post(request);
            for (let attempt = 1; answer.status >= 500 && attempt < 3; attempt++) answer = await post(request);
            answers.push({ request, answer });
          }
        };
        await Promise.all(Array.from({ length: CONNECTIONS }, retry));
        for (const { request, answer } of answers) {
          expect(answer.status, request.email).toBeLessThan(300);
          if (request.leadId) expect(answer.leadId, request.email).toBe(request.leadId);
          if (round === 2 || acknowledged.includes(request)) expect(answer.replayed, request.email).toBe(true);
        }
      }
      const afterRetries = await state();
      expect(afterRetries.leads).toHaveLength(REQUESTS);
      expect(new Set(afterRetries.leads.map((lead) => lead.email)).size).toBe(REQUESTS);
      expect(afterRetries.incomplete).toEqual([]);
      expect(afterRetries.keys).toBe(REQUESTS);
      console.log(
        `[crash] ${acknowledged.length} acknowledged before kill -9, ${overloaded} answered 5xx, ${unanswered.length} cut off (${committedUnanswered} of them committed anyway, found and replayed), ${REQUESTS} leads after retries, none duplicated`,
      );
    } finally {
      await client.end();
    }
  } finally {
    await own?.dispose();
  }
});
