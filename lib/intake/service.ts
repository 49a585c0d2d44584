// The intake API's writes: one lead or a batch, through the lead service (scored, qualified and handed over exactly
// as a lead typed in the form), each request in one transaction with its idempotency record.
import { db, Prisma, type Tx } from "../db/client";
import { DomainError } from "../actions/result";
import { fieldErrorsOf } from "../actions/pipeline";
import { createArrivingLead, createOrMergeLead, type LeadAuthor, type LeadWrite } from "../leads/service";
import { NoRepLeftError } from "../leads/arrival";
import { createOrMergeLeads } from "../leads/bulk";
import type { LeadInput } from "../leads/schemas";
import type { ApiCaller } from "../api-keys/service";
import { batchStatus, batchSummary, IDEMPOTENCY_TTL_MS, replayOf, requestFingerprint, type ItemResult } from "./rules";
import { batchEnvelopeSchema, intakeLeadSchema } from "./schemas";
import { arrivedLeadView, leadViewById } from "./queries";
import { apiError, type ApiReply } from "./replies";
import { gatherArrivals, missingCampaigns, UNKNOWN_CAMPAIGN } from "./gathered";
import { unsafeTextErrors } from "../security/text";

/** The lead form's schema, after refusing text the database cannot store as sent (NUL, lone surrogates). */
function checkLead(item: unknown) {
  const unsafe = unsafeTextErrors(item);
  return unsafe ? ({ success: false, unsafe } as const) : intakeLeadSchema.safeParse(item);
}

function authorOf(caller: ApiCaller): LeadAuthor & { kind: "api" } {
  return { kind: "api", apiKeyId: caller.id, actor: caller.actor };
}

/**
 * POST /api/v1/leads: 201 created, 200 merged into the lead with this email, 422 with every field error. Without an
 * Idempotency-Key, leads sent at the same moment are written together (gathered.ts); with one, the lead is written
 * alone in the transaction that stores its answer under the key.
 */
export async function submitLead(caller: ApiCaller, body: unknown, idempotencyKey: string | null): Promise<ApiReply> {
  const parsed = checkLead(body);
  if (!parsed.success) return apiError(422, "invalid", "The lead is not valid; nothing was written.", "unsafe" in parsed ? parsed.unsafe : fieldErrorsOf(parsed.error));
  if (idempotencyKey) return submitAlone(caller, parsed.data, idempotencyKey, body);
  return arrivals.submit({ caller, input: parsed.data });
}

const arrivals = gatherArrivals(({ caller, input }) => submitAlone(caller, input, null, input), isRetryable);

async function submitAlone(caller: ApiCaller, input: LeadInput, idempotencyKey: string | null, body: unknown): Promise<ApiReply> {
  const reply = async (written: LeadWrite, tx?: Tx): Promise<ApiReply> => {
    const lead = written.arrived ? arrivedLeadView(written.arrived, input) : await leadViewById(written.id, tx);
    return { status: written.outcome === "created" ? 201 : 200, body: { outcome: written.outcome, filled: written.filled, lead } };
  };
  // Without an Idempotency-Key, a new lead that does not qualify is one statement, its own transaction; anything
  // else (a merge, a handover, a stored response) takes the transaction below.
  const direct = idempotencyKey ? null : await createAtOnce(caller, input);
  if (direct && direct !== "exists") return "status" in direct ? direct : reply(direct);
  return writeOnce(caller, idempotencyKey, () => requestFingerprint("POST /api/v1/leads", body), 5_000, async (tx) =>
    reply(await createOrMergeLead(tx, authorOf(caller), input, new Date(), { known: direct === "exists" }), tx),
  );
}

/** createArrivingLead without a transaction; null when the request needs the transactional path. */
async function createAtOnce(caller: ApiCaller, input: LeadInput): Promise<LeadWrite | ApiReply | "exists" | null> {
  try {
    return await createArrivingLead(db(), authorOf(caller), input, new Date(), { handOver: false });
  } catch (error) {
    if (error instanceof DomainError) return apiError(422, "invalid", error.message, error.fieldErrors as Record<string, string[]> | undefined);
    // A company made by a concurrent request at the same moment, or a deadlock with a concurrent write: nothing was
    // written; the transaction (which retries) takes over.
    if (isRetryable(error)) return null;
    throw error;
  }
}

/**
 * POST /api/v1/leads/batch: every item checked with the form's schema (and its campaign looked up), then, if all are
 * valid or the caller asked for partial acceptance, the valid ones written in one transaction.
 */
export async function submitBatch(caller: ApiCaller, body: unknown, idempotencyKey: string | null): Promise<ApiReply> {
  const envelope = batchEnvelopeSchema.safeParse(body);
  if (!envelope.success) return apiError(422, "invalid", "The batch is not valid; nothing was written.", fieldErrorsOf(envelope.error));
  const { leads, partial } = envelope.data;
  const checked = leads.map(checkLead);
  const unknownCampaigns = await missingCampaigns(checked.flatMap((item) => (item.success && item.data.campaignId ? [item.data.campaignId] : [])));
  const results: ItemResult[] = checked.map((item, index) => {
    if (!item.success) return { index, status: "invalid", fieldErrors: "unsafe" in item ? item.unsafe : fieldErrorsOf(item.error) };
    if (item.data.campaignId && unknownCampaigns.has(item.data.campaignId)) return { index, status: "invalid", fieldErrors: UNKNOWN_CAMPAIGN.fieldErrors };
    return { index, status: "not_written" };
  });
  if (batchStatus(results, partial) === 422) {
    return { status: 422, body: { error: { code: "invalid", message: "Some leads are not valid; nothing was written." }, summary: batchSummary(results), results } };
  }
  const valid = results.flatMap((result) => (result.status === "not_written" ? [{ index: result.index, input: (checked[result.index] as { data: LeadInput }).data }] : []));
  // A minute per thousand leads is far more than it takes; the limit only stops a stuck transaction holding locks.
  return writeOnce(caller, idempotencyKey, () => requestFingerprint("POST /api/v1/leads/batch", body), 60_000, async (tx) => {
    const leads = await createOrMergeLeads(tx, { kind: "api", apiKeyId: caller.id, actor: caller.actor }, valid.map((item) => item.input), new Date());
    const written = [...results];
    valid.forEach(({ index }, position) => {
      const lead = leads[position]!;
      written[index] = { index, status: lead.outcome, id: lead.id, stage: lead.stage };
    });
    return { status: 200, body: { summary: batchSummary(written), results: written } };
  });
}

/**
 * Runs a write in one transaction that also claims the request's Idempotency-Key and stores its response, so the
 * response exists exactly when the writes do. A concurrent request with the same key waits on the key's row (the
 * primary key's unique check) until the first commits, then replays its response: never a second write.
 */
// The request's fingerprint is only needed with an Idempotency-Key (a thousand leads' canonical JSON is not free).
async function writeOnce(caller: ApiCaller, idempotencyKey: string | null, fingerprintOf: () => string, timeout: number, work: (tx: Tx) => Promise<ApiReply>): Promise<ApiReply> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await db().$transaction(
        async (tx) => {
          if (idempotencyKey) {
            const replay = await claimKey(tx, caller.id, idempotencyKey, fingerprintOf());
            if (replay) return replay;
          }
          const reply = await work(tx);
          if (idempotencyKey) {
            await tx.idempotencyKey.update({
              where: { apiKeyId_key: { apiKeyId: caller.id, key: idempotencyKey } },
              data: { status: reply.status, responseBody: reply.body as Prisma.InputJsonValue },
            });
          }
          return reply;
        },
        { maxWait: 15_000, timeout },
      );
    } catch (error) {
      if (error instanceof DomainError) return apiError(422, "invalid", error.message, error.fieldErrors as Record<string, string[]> | undefined);
      // A deadlock or serialization failure left no trace: try again, a few times.
      if (isRetryable(error) && attempt < 3) continue;
      throw error;
    }
  }
}

/** Claims the key for this request, or returns what an earlier request with it already answered. */
async function claimKey(tx: Tx, apiKeyId: string, key: string, fingerprint: string): Promise<ApiReply | null> {
  const now = new Date();
  // Now and then, clear keys past their 24 hours (lazily, instead of a scheduled job).
  if (Math.random() < 0.01) await tx.idempotencyKey.deleteMany({ where: { createdAt: { lt: new Date(now.getTime() - IDEMPOTENCY_TTL_MS) } } });
  for (;;) {
    const claimed = await tx.$executeRaw`
      INSERT INTO "IdempotencyKey" ("apiKeyId", key, "requestHash", status, "responseBody", "createdAt")
      VALUES (${apiKeyId}, ${key}, ${fingerprint}, 0, 'null'::jsonb, ${now})
      ON CONFLICT ("apiKeyId", key) DO NOTHING`;
    if (claimed === 1) return null;
    const stored = await tx.idempotencyKey.findUnique({ where: { apiKeyId_key: { apiKeyId, key } } });
    if (!stored) continue; // The request that held it rolled back between our two statements: claim it again.
    const replay = replayOf({ requestHash: stored.requestHash, status: stored.status, body: stored.responseBody, createdAt: stored.createdAt }, fingerprint, now);
    if (replay.kind === "replay") return { status: replay.status, body: replay.body, headers: { "Idempotent-Replayed": "true" } };
    if (replay.kind === "mismatch") return apiError(409, "idempotency_conflict", "This Idempotency-Key was used with a different request body. Use a new key for a new request.");
    await tx.idempotencyKey.delete({ where: { apiKeyId_key: { apiKeyId, key } } });
  }
}

function isRetryable(error: unknown): boolean {
  return (
    (error instanceof Prisma.PrismaClientKnownRequestError && (error.code === "P2034" || error.code === "P2002")) ||
    isForeignKeyViolation(error) ||
    // A deadlock (40P01) or serialization failure (40001) in a raw statement: PostgreSQL rolled it all back.
    rawQueryFailedWith(error, /\b40P01\b|\b40001\b/) ||
    error instanceof NoRepLeftError
  );
}

/** PostgreSQL's foreign key violation (23503), however Prisma reports it (P2003, or a raw query's P2010). */
function isForeignKeyViolation(error: unknown): boolean {
  if (!(error instanceof Prisma.PrismaClientKnownRequestError)) return false;
  return error.code === "P2003" || rawQueryFailedWith(error, /\b23503\b/);
}

/** A raw statement (Prisma's P2010) that PostgreSQL refused with one of these SQLSTATE codes. */
function rawQueryFailedWith(error: unknown, codes: RegExp): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2010" && codes.test(JSON.stringify(error.meta ?? {}) + error.message);
}
