// Marketing's writes to a campaign's web form: its settings (on or off, origins, thank-you page) and its token. Who
// may: whoever may edit the campaign (its marketer, or the marketing manager). One transaction each, with its audit
// entries; an edit says which version it saw, so two people editing at once never overwrite each other silently.
import { randomBytes } from "node:crypto";
import { db, Prisma, type Tx } from "../db/client";
import type { Role } from "../db/enums";
import { DomainError } from "../actions/result";
import { recordAudit } from "../audit/service";
import { formatFormToken, refuseWebFormChange } from "./rules";
import type { RotateTokenInput, WebFormSettings } from "./schemas";

interface Actor {
  id: string;
  role: Role;
}

const FORM_CHANGED = "Someone changed this web form since you opened it. Nothing was saved; reload to see their change.";

export function newFormToken(): string {
  return formatFormToken(randomBytes(24));
}

/** The campaign, if the actor may manage its web form; otherwise a refusal they can read. */
async function campaignToManage(tx: Tx, actor: Actor, campaignId: string) {
  const campaign = await tx.campaign.findUnique({ where: { id: campaignId }, select: { id: true, ownerId: true } });
  if (!campaign) throw new DomainError("That campaign does not exist.", undefined, "not_found");
  const refusal = refuseWebFormChange(actor, campaign);
  if (refusal) throw new DomainError(refusal, undefined, "forbidden");
  return campaign;
}

const SETTINGS = { id: true, enabled: true, origins: true, thankYouUrl: true, version: true } as const;

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((item, index) => item === b[index]);
}

/**
 * Saves the form's settings, creating the form (with a fresh token) the first time. Turning it on or off, and
 * changing its origins or thank-you page, are each audited; saving what is already stored (a double click) writes
 * nothing.
 */
export async function saveWebForm(actor: Actor, input: WebFormSettings): Promise<SavedSettings> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await db().$transaction((tx) => writeSettings(tx, actor, input));
    } catch (error) {
      // Two first saves at once: the unique campaign decides, and the loser, tried again, finds the form.
      const duplicate = error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
      if (!duplicate || attempt >= 2) throw error;
    }
  }
}

/** What was saved, as stored (origins normalised), so the editor shows it. */
export interface SavedSettings {
  version: number;
  enabled: boolean;
  origins: string[];
  thankYouUrl: string | null;
}

async function writeSettings(tx: Tx, actor: Actor, input: WebFormSettings): Promise<SavedSettings> {
  await campaignToManage(tx, actor, input.campaignId);
  const stored = await tx.webForm.findUnique({ where: { campaignId: input.campaignId }, select: SETTINGS });
  const wanted = { enabled: input.enabled, origins: input.origins, thankYouUrl: input.thankYouUrl };
  if (!stored) {
    if (input.version !== undefined) throw new DomainError(FORM_CHANGED, undefined, "conflict");
    const created = await tx.webForm.create({ data: { campaignId: input.campaignId, token: newFormToken(), createdById: actor.id, ...wanted }, select: { id: true } });
    await recordAudit(tx, { actorId: actor.id, action: "web_form.created", entityType: "Campaign", entityId: input.campaignId, data: { webFormId: created.id, ...wanted } });
    return { version: 1, ...wanted };
  }
  const originsChanged = !sameList(stored.origins, wanted.origins);
  const thankYouChanged = stored.thankYouUrl !== wanted.thankYouUrl;
  const enabledChanged = stored.enabled !== wanted.enabled;
  if (!originsChanged && !thankYouChanged && !enabledChanged) return { version: stored.version, ...wanted };
  if (input.version !== stored.version) throw new DomainError(FORM_CHANGED, undefined, "conflict");
  const updated = await tx.webForm.updateMany({ where: { id: stored.id, version: stored.version }, data: { ...wanted, version: { increment: 1 } } });
  if (updated.count !== 1) throw new DomainError(FORM_CHANGED, undefined, "conflict");
  const entry = { actorId: actor.id, entityType: "Campaign", entityId: input.campaignId };
  if (enabledChanged) await recordAudit(tx, { ...entry, action: wanted.enabled ? "web_form.enabled" : "web_form.disabled", data: { webFormId: stored.id } });
  if (originsChanged || thankYouChanged) {
    await recordAudit(tx, {
      ...entry,
      action: "web_form.updated",
      data: {
        webFormId: stored.id,
        ...(originsChanged && { origins: { from: stored.origins, to: wanted.origins } }),
        ...(thankYouChanged && { thankYouUrl: { from: stored.thankYouUrl, to: wanted.thankYouUrl } }),
      },
    });
  }
  return { version: stored.version + 1, ...wanted };
}

/**
 * Replaces the form's token: from now on the old one answers 404 (websites still using it must paste the new
 * snippet). Refused if the form changed since the person opened it, so a double click rotates once.
 */
export async function rotateWebFormToken(actor: Actor, input: RotateTokenInput, now = new Date()): Promise<{ version: number }> {
  return db().$transaction(async (tx) => {
    await campaignToManage(tx, actor, input.campaignId);
    const stored = await tx.webForm.findUnique({ where: { campaignId: input.campaignId }, select: { id: true, token: true, version: true } });
    if (!stored) throw new DomainError("This campaign has no web form yet.", undefined, "not_found");
    const token = newFormToken();
    const updated = await tx.webForm.updateMany({ where: { id: stored.id, version: input.version }, data: { token, rotatedAt: now, version: { increment: 1 } } });
    if (updated.count !== 1) throw new DomainError(FORM_CHANGED, undefined, "conflict");
    // The token is public (it is in the website's HTML); its start is enough to tell old and new apart in the log.
    await recordAudit(tx, {
      actorId: actor.id,
      action: "web_form.token_rotated",
      entityType: "Campaign",
      entityId: input.campaignId,
      data: { webFormId: stored.id, from: stored.token.slice(0, 9), to: token.slice(0, 9) },
    });
    return { version: input.version + 1 };
  });
}
