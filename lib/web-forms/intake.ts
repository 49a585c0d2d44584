// The public side of a web form: find the form a token names, count a client address's submissions, and write the
// lead through the lead service (scored, qualified, handed over and merged by email exactly like the API's).
import { db, Prisma } from "../db/client";
import { DomainError } from "../actions/result";
import { fieldErrorsOf } from "../actions/pipeline";
import { readEnv } from "../env";
import { createOrMergeLead } from "../leads/service";
import { leadInputSchema } from "../leads/schemas";
import { unsafeTextErrors } from "../security/text";
import { countInWindow } from "../rate-limit/counter";
import { looksLikeFormToken, retryAfterSeconds } from "./rules";

export interface OpenForm {
  id: string;
  campaignId: string;
  campaignName: string;
  origins: string[];
  thankYouUrl: string | null;
}

/** The enabled form with this token, or null: an unknown, old (rotated) or disabled token names no form. */
export async function findOpenForm(token: string): Promise<OpenForm | null> {
  if (!looksLikeFormToken(token)) return null;
  const form = await db().webForm.findUnique({
    where: { token },
    select: { id: true, enabled: true, campaignId: true, origins: true, thankYouUrl: true, campaign: { select: { name: true } } },
  });
  if (!form || !form.enabled) return null;
  return { id: form.id, campaignId: form.campaignId, campaignName: form.campaign.name, origins: form.origins, thankYouUrl: form.thankYouUrl };
}

/**
 * Counts one submission from this client address, to every form together (a bot moves from form to form), in the
 * same RateLimit table as sign-in throttling. Over the limit: refused until the window ends.
 */
export async function countSubmission(address: string): Promise<{ ok: true } | { ok: false; retryAfterSeconds: number }> {
  const env = readEnv();
  const counted = await countInWindow(`web-form:address:${address}`, env.WEBFORM_RATE_WINDOW_SECONDS);
  if (counted.count <= env.WEBFORM_RATE_LIMIT) return { ok: true };
  return { ok: false, retryAfterSeconds: retryAfterSeconds(counted.windowStart, env.WEBFORM_RATE_WINDOW_SECONDS, counted.now) };
}

export type Submission = { ok: true; outcome: "created" | "merged"; leadId: string } | { ok: false; fieldErrors: Record<string, string[]> };

/**
 * Writes the visitor's lead: the lead form's own schema, with the source set to the website and the campaign to the
 * form's (whatever the post says), through `createOrMergeLead` in one transaction. Invalid input writes nothing.
 */
export async function submitThroughForm(form: OpenForm, fields: Record<string, unknown>): Promise<Submission> {
  // Text PostgreSQL cannot store as sent (a NUL, a broken surrogate) is a field error, as in the app and the API.
  const unsafe = unsafeTextErrors(fields);
  if (unsafe) return { ok: false, fieldErrors: unsafe };
  const parsed = leadInputSchema.safeParse({ ...fields, source: "WEBSITE", campaignId: form.campaignId });
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsOf(parsed.error) };
  const author = { kind: "webform" as const, webFormId: form.id, actor: `web-form:${form.campaignName}` };
  for (let attempt = 1; ; attempt++) {
    try {
      const written = await db().$transaction((tx) => createOrMergeLead(tx, author, parsed.data), { maxWait: 15_000, timeout: 5_000 });
      return { ok: true, outcome: written.outcome, leadId: written.id };
    } catch (error) {
      if (error instanceof DomainError) return { ok: false, fieldErrors: (error.fieldErrors as Record<string, string[]> | undefined) ?? { _form: [error.message] } };
      // A deadlock or serialization failure left no trace: try again, a few times.
      const retryable = error instanceof Prisma.PrismaClientKnownRequestError && (error.code === "P2034" || error.code === "P2002");
      if (retryable && attempt < 3) continue;
      throw error;
    }
  }
}
