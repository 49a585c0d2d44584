// The intake API's writes: one lead or a batch, through the lead service (scored, qualified and handed over exactly
// as a lead typed in the form), each request in one transaction with its idempotency record.
import { db, Prisma, type Tx } from "../db/client";
import { isLockConflict, rawQueryFailedWith } from "../db/conflicts";
import { DomainError } from "../actions/result";
import { fieldErrorsOf } from "../actions/pipeline";
import { createArrivingLead, createOrMergeLead, type LeadAuthor, type LeadWrite } from "../leads/service";
import { NoRepLeftError } from "../leads/arrival";
import { createOrMergeLeads } from "../leads/bulk";
import type { LeadInput } from "../leads/schemas";
import type { ApiCaller } from "../api-keys/service";
import { batchStatus, batchSummary, requestFingerprint, type ItemResult } from "./rules";
import { claimKey, storeAnswers, type KeyClaim } from "./idempotency";
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
 * POST /api/v1/leads: 201 created, 200 merged into the lead with this email, 422 with every field error. Leads sent at
 * the same moment are written together (gathered.ts), each with its Idempotency-Key, if any, claimed and given its
 * answer in the group's transaction.
 */
export async function submitLead(caller: ApiCaller, body: unknown, idempotencyKey: string | null): Promise<ApiReply> {
  const parsed = checkLead(body);
  if (!parsed.success) return apiError(422, "invalid", "The lead is not valid; nothing was written.", "unsafe" in parsed ? parsed.unsafe : fieldErrorsOf(parsed.error));
  const claim = idempotencyKey ? { apiKeyId: caller.id, key: idempotencyKey, fingerprint: requestFingerprint("POST /api/v1/leads", body) } : null;
  return arrivals.submit({ caller, input: parsed.data, claim });
}

const arrivals = gatherArrivals(({ caller, input, claim }) => submitAlone(caller, input, claim), isRetryable);

async function submitAlone(caller: ApiCaller, input: LeadInput, claim: KeyClaim | null): Promise<ApiReply> {
  const reply = async (written: LeadWrite, tx?: Tx): Promise<ApiReply> => {
    const lead = written.arrived ? arrivedLeadView(written.arrived, input) : await leadViewById(written.id, tx);
    return { status: written.outcome === "created" ? 201 : 200, body: { outcome: written.outcome, filled: written.filled, lead } };
  };
  // Without an Idempotency-Key, a new lead that does not qualify is one statement, its own transaction; anything
  // else (a merge, a handover, a stored response) takes the transaction below.
  const direct = claim ? null : await createAtOnce(caller, input);
  if (direct && direct !== "exists") return "status" in direct ? direct : reply(direct);
  return writeOnce(claim, 5_000, async (tx) =>
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
  const claim = idempotencyKey ? { apiKeyId: caller.id, key: idempotencyKey, fingerprint: requestFingerprint("POST /api/v1/leads/batch", body) } : null;
  return writeOnce(claim, 60_000, async (tx) => {
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
 * response exists exactly when the writes do (lib/intake/idempotency.ts): never a second write for one key.
 */
async function writeOnce(claim: KeyClaim | null, timeout: number, work: (tx: Tx) => Promise<ApiReply>): Promise<ApiReply> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await db().$transaction(
        async (tx) => {
          if (claim) {
            const replay = await claimKey(tx, claim);
            if (replay) return replay;
          }
          const reply = await work(tx);
          if (claim) await storeAnswers(tx, [{ claim, reply }]);
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

function isRetryable(error: unknown): boolean {
  return (
    isLockConflict(error) ||
    (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") ||
    isForeignKeyViolation(error) ||
    error instanceof NoRepLeftError
  );
}

/** PostgreSQL's foreign key violation (23503), however Prisma reports it (P2003, or a raw query's P2010). */
function isForeignKeyViolation(error: unknown): boolean {
  if (!(error instanceof Prisma.PrismaClientKnownRequestError)) return false;
  return error.code === "P2003" || rawQueryFailedWith(error, /\b23503\b/);
}
