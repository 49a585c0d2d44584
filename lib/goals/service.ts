// Shared goals' writes: drafted by a head or the CRO, proposed, signed by both heads (or the CRO) and so agreed;
// editing puts an agreed goal back to proposed and clears its signatures (as lib/agreement/service.ts does for the
// lead definition). Every write compares the version the person saw, and records an AuditEvent in its transaction.
import { db, Prisma, type Tx } from "../db/client";
import type { GoalStatus, Role } from "../db/enums";
import { DomainError } from "../actions/result";
import { recordAudit } from "../audit/service";
import { goalSide, isAgreed, storedTarget } from "./rules";
import type { CreateGoalInput, GoalFieldsInput, UpdateGoalInput } from "./schemas";

interface Actor {
  id: string;
  role: Role;
}
interface Ref {
  id: string;
  version: number;
}

const CHANGED = "Someone changed this goal a moment ago. Reload to see the latest and try again.";
const SIDE_NAMES = { SALES: "Sales", MARKETING: "Marketing", CRO: "The CRO" } as const;

function isUniqueViolation(error: unknown) {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

async function load(tx: Tx, ref: Ref, allowed: GoalStatus[]) {
  const goal = await tx.goal.findUnique({ where: { id: ref.id }, include: { signatures: true } });
  if (!goal) throw new DomainError("That goal does not exist.", undefined, "not_found");
  if (goal.version !== ref.version) throw new DomainError(CHANGED, undefined, "conflict");
  if (!allowed.includes(goal.status)) {
    throw new DomainError(`This goal is ${goal.status.toLowerCase()}; it cannot be changed that way now.`, undefined, "conflict");
  }
  return goal;
}

/** Bumps the version only if nobody else did first: the row lock makes two simultaneous writes take turns. */
async function bump(tx: Tx, ref: Ref, data: Prisma.GoalUpdateManyMutationInput) {
  const updated = await tx.goal.updateMany({ where: { id: ref.id, version: ref.version }, data: { ...data, version: { increment: 1 } } });
  if (updated.count !== 1) throw new DomainError(CHANGED, undefined, "conflict");
}

/** The fields as stored: the target in the metric's own unit, the days as UTC midnights. */
async function storedFields(tx: Tx, input: GoalFieldsInput) {
  if (input.campaignId) {
    const campaign = await tx.campaign.findUnique({ where: { id: input.campaignId }, select: { id: true } });
    if (!campaign) throw new DomainError("Some fields need attention.", { campaignId: ["Choose a campaign from the list"] });
  }
  return {
    title: input.title,
    metric: input.metric,
    target: new Prisma.Decimal(storedTarget(input.metric, input.target).toFixed(4)),
    periodStart: new Date(`${input.periodStart}T00:00:00.000Z`),
    periodEnd: new Date(`${input.periodEnd}T00:00:00.000Z`),
    source: input.source ?? null,
    campaignId: input.campaignId ?? null,
  };
}

/** Drafts a goal. A retried submission (same requestKey) returns the goal the first one made instead of a second. */
export async function createGoal(actor: Actor, input: CreateGoalInput): Promise<{ id: string }> {
  const existing = await db().goal.findUnique({ where: { requestKey: input.requestKey }, select: { id: true } });
  if (existing) return existing;
  try {
    return await db().$transaction(async (tx) => {
      const goal = await tx.goal.create({
        data: { ...(await storedFields(tx, input)), requestKey: input.requestKey, createdById: actor.id },
        select: { id: true, metric: true },
      });
      await recordAudit(tx, { actorId: actor.id, action: "goal.drafted", entityType: "Goal", entityId: goal.id, data: { metric: goal.metric } });
      return { id: goal.id };
    });
  } catch (error) {
    // Two submissions of the same form at once: the unique key lets one in; the other gets the same goal.
    if (isUniqueViolation(error)) {
      const first = await db().goal.findUnique({ where: { requestKey: input.requestKey }, select: { id: true } });
      if (first) return first;
    }
    throw error;
  }
}

/** Saves an edit. Signatures are cleared (people signed what they read), and an agreed goal needs signing again. */
export async function updateGoal(actor: Actor, input: UpdateGoalInput): Promise<{ version: number; status: GoalStatus }> {
  return db().$transaction(async (tx) => {
    const goal = await load(tx, input, ["DRAFT", "PROPOSED", "AGREED"]);
    const status: GoalStatus = goal.status === "AGREED" ? "PROPOSED" : goal.status;
    await bump(tx, input, { ...(await storedFields(tx, input)), status, agreedAt: null });
    const cleared = await tx.goalSignature.deleteMany({ where: { goalId: goal.id } });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "goal.edited",
      entityType: "Goal",
      entityId: goal.id,
      data: { signaturesCleared: cleared.count, reopened: goal.status === "AGREED" },
    });
    return { version: input.version + 1, status };
  });
}

/** Puts a draft up for signature; a head who proposes it signs it for their team at the same time. */
export async function proposeGoal(actor: Actor, input: Ref): Promise<{ version: number; agreed: boolean }> {
  return db().$transaction(async (tx) => {
    const goal = await load(tx, input, ["DRAFT"]);
    await bump(tx, input, { status: "PROPOSED", proposedAt: new Date() });
    await recordAudit(tx, { actorId: actor.id, action: "goal.proposed", entityType: "Goal", entityId: goal.id });
    const side = goalSide(actor.role);
    // The CRO's signature alone agrees a goal: proposing is not signing for the CRO, who signs when ready.
    if (side === "SALES" || side === "MARKETING") await addSignature(tx, goal.id, side, actor, input.version);
    return { version: input.version + 1, agreed: false };
  });
}

/** Signs for the actor's side; both heads' signatures, or the CRO's, make the goal agreed. */
export async function signGoal(actor: Actor, input: Ref): Promise<{ agreed: boolean }> {
  const side = goalSide(actor.role);
  if (!side) throw new DomainError("Only the heads of sales and marketing and the CRO sign goals.", undefined, "forbidden");
  return db().$transaction(async (tx) => {
    const goal = await load(tx, input, ["PROPOSED"]);
    if (goal.signatures.some((signature) => signature.side === side)) {
      throw new DomainError(`${SIDE_NAMES[side]} has already signed this goal.`, undefined, "conflict");
    }
    await bump(tx, input, {});
    return { agreed: await addSignature(tx, goal.id, side, actor, input.version) };
  });
}

/** Takes back the actor's side's signature from a goal still collecting them. */
export async function withdrawSignature(actor: Actor, input: Ref): Promise<{ version: number }> {
  const side = goalSide(actor.role);
  if (!side) throw new DomainError("Only the heads of sales and marketing and the CRO sign goals.", undefined, "forbidden");
  return db().$transaction(async (tx) => {
    const goal = await load(tx, input, ["PROPOSED"]);
    if (!goal.signatures.some((signature) => signature.side === side)) {
      throw new DomainError(`${SIDE_NAMES[side]} has not signed this goal.`, undefined, "conflict");
    }
    await bump(tx, input, {});
    await tx.goalSignature.deleteMany({ where: { goalId: goal.id, side } });
    await recordAudit(tx, { actorId: actor.id, action: "goal.signature_withdrawn", entityType: "Goal", entityId: goal.id, data: { side } });
    return { version: input.version + 1 };
  });
}

/** Sets a goal aside: it leaves the home pages and can no longer be edited or signed. */
export async function archiveGoal(actor: Actor, input: Ref): Promise<{ version: number }> {
  return db().$transaction(async (tx) => {
    const goal = await load(tx, input, ["DRAFT", "PROPOSED", "AGREED"]);
    await bump(tx, input, { status: "ARCHIVED", archivedAt: new Date() });
    await recordAudit(tx, { actorId: actor.id, action: "goal.archived", entityType: "Goal", entityId: goal.id, data: { from: goal.status } });
    return { version: input.version + 1 };
  });
}

async function addSignature(tx: Tx, goalId: string, side: "SALES" | "MARKETING" | "CRO", actor: Actor, goalVersion: number): Promise<boolean> {
  try {
    await tx.goalSignature.create({ data: { goalId, side, userId: actor.id, goalVersion } });
  } catch (error) {
    if (isUniqueViolation(error)) throw new DomainError(`${SIDE_NAMES[side]} has already signed this goal.`, undefined, "conflict");
    throw error;
  }
  await recordAudit(tx, { actorId: actor.id, action: "goal.signed", entityType: "Goal", entityId: goalId, data: { side, goalVersion } });
  const sides = (await tx.goalSignature.findMany({ where: { goalId }, select: { side: true } })).map((signature) => signature.side);
  if (!isAgreed(sides)) return false;
  await tx.goal.update({ where: { id: goalId }, data: { status: "AGREED", agreedAt: new Date() } });
  await recordAudit(tx, { actorId: actor.id, action: "goal.agreed", entityType: "Goal", entityId: goalId, data: { sides } });
  return true;
}
