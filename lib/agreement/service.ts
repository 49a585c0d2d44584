// Versions of the lead definition: drafted by a head or the CRO, proposed, signed by both heads (or activated by the
// CRO). Every step checks the revision the person saw, so two heads editing at once cannot overwrite each other.
import { db, Prisma, type Tx } from "../db/client";
import type { Role } from "../db/enums";
import { DomainError } from "../actions/result";
import { recordAudit } from "../audit/service";
import { enqueueJob } from "../jobs/service";
import { findActiveDefinition } from "./active";
import { DEFAULT_RULES } from "./defaults";
import { fullySigned, signingSide } from "./rules";
import type { DefinitionRules } from "./schemas";

interface Actor {
  id: string;
  role: Role;
}
interface Ref {
  id: string;
  revision: number;
}

const CHANGED = "Someone changed this version a moment ago. Reload to see the latest and try again.";

async function loadOpen(tx: Tx, ref: Ref, allowed: ("DRAFT" | "PROPOSED")[]) {
  const definition = await tx.leadDefinition.findUnique({ where: { id: ref.id }, include: { signatures: true } });
  if (!definition) throw new DomainError("That version does not exist.", undefined, "not_found");
  if (definition.revision !== ref.revision) throw new DomainError(CHANGED, undefined, "conflict");
  if (!allowed.includes(definition.status as "DRAFT")) {
    throw new DomainError(`Version ${definition.version} is ${definition.status.toLowerCase()}; it cannot be changed now.`, undefined, "conflict");
  }
  return definition;
}

/** Bumps the revision only if nobody else did first. */
async function bump(tx: Tx, ref: Ref, data: Prisma.LeadDefinitionUpdateManyMutationInput) {
  const updated = await tx.leadDefinition.updateMany({ where: { id: ref.id, revision: ref.revision }, data: { ...data, revision: { increment: 1 } } });
  if (updated.count !== 1) throw new DomainError(CHANGED, undefined, "conflict");
}

function isUniqueViolation(error: unknown) {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

/** Starts the next version as a copy of the active one (or of the standard template, for a workspace's first). */
export async function draftDefinition(actor: Actor): Promise<{ id: string; version: number }> {
  try {
    return await db().$transaction(async (tx) => {
      const open = await tx.leadDefinition.findFirst({ where: { status: { in: ["DRAFT", "PROPOSED"] } }, select: { version: true } });
      if (open) throw new DomainError(`Version ${open.version} is already being worked on; finish or withdraw it first.`, undefined, "conflict");
      const active = await findActiveDefinition(tx);
      const latest = await tx.leadDefinition.aggregate({ _max: { version: true } });
      const version = (latest._max.version ?? 0) + 1;
      const created = await tx.leadDefinition.create({
        data: { version, rules: (active?.rules ?? DEFAULT_RULES) as Prisma.InputJsonValue, createdById: actor.id },
        select: { id: true, version: true },
      });
      await recordAudit(tx, { actorId: actor.id, action: "definition.drafted", entityType: "LeadDefinition", entityId: created.id, data: { version } });
      return created;
    });
  } catch (error) {
    // Two heads pressing "Draft" at once: the database lets one open version exist; the other is told.
    if (isUniqueViolation(error)) throw new DomainError("Another version was started a moment ago. Reload to see it.", undefined, "conflict");
    throw error;
  }
}

/** Saves an edit. Editing a proposed version clears its signatures: people signed what they read, not this. */
export async function updateDefinition(actor: Actor, input: Ref & { rules: DefinitionRules }) {
  return db().$transaction(async (tx) => {
    const definition = await loadOpen(tx, input, ["DRAFT", "PROPOSED"]);
    const cleared = await tx.definitionSignature.deleteMany({ where: { definitionId: definition.id } });
    await bump(tx, input, { rules: input.rules as Prisma.InputJsonValue });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "definition.edited",
      entityType: "LeadDefinition",
      entityId: definition.id,
      data: { version: definition.version, signaturesCleared: cleared.count },
    });
    return { revision: input.revision + 1 };
  });
}

/** Puts a draft up for signature; a head who proposes it signs it for their team at the same time. */
export async function proposeDefinition(actor: Actor, input: Ref) {
  return db().$transaction(async (tx) => {
    const definition = await loadOpen(tx, input, ["DRAFT"]);
    await bump(tx, input, { status: "PROPOSED", proposedAt: new Date(), proposedById: actor.id });
    await recordAudit(tx, { actorId: actor.id, action: "definition.proposed", entityType: "LeadDefinition", entityId: definition.id, data: { version: definition.version } });
    const side = signingSide(actor.role);
    if (side) await addSignature(tx, definition.id, side, actor);
    return { revision: input.revision + 1 };
  });
}

/** A head signs for their team; the second signature makes the version active. */
export async function signDefinition(actor: Actor, input: Ref) {
  const side = signingSide(actor.role);
  if (!side) throw new DomainError("Only the heads of sales and marketing sign the lead definition.", undefined, "forbidden");
  return db().$transaction(async (tx) => {
    const definition = await loadOpen(tx, input, ["PROPOSED"]);
    if (definition.signatures.some((signature) => signature.side === side)) {
      throw new DomainError(`${side === "SALES" ? "Sales" : "Marketing"} has already signed version ${definition.version}.`, undefined, "conflict");
    }
    await bump(tx, input, {});
    const activated = await addSignature(tx, definition.id, side, actor);
    return { activated };
  });
}

/** The CRO settles a disagreement by activating a proposed version without both signatures. */
export async function activateDefinition(actor: Actor, input: Ref) {
  return db().$transaction(async (tx) => {
    const definition = await loadOpen(tx, input, ["PROPOSED"]);
    await bump(tx, input, {});
    await activate(tx, definition.id, "CRO", actor);
    return { activated: true };
  });
}

export async function withdrawDefinition(actor: Actor, input: Ref) {
  return db().$transaction(async (tx) => {
    const definition = await loadOpen(tx, input, ["DRAFT", "PROPOSED"]);
    await bump(tx, input, { status: "WITHDRAWN" });
    await recordAudit(tx, { actorId: actor.id, action: "definition.withdrawn", entityType: "LeadDefinition", entityId: definition.id, data: { version: definition.version } });
    return { revision: input.revision + 1 };
  });
}

async function addSignature(tx: Tx, definitionId: string, side: "SALES" | "MARKETING", actor: Actor): Promise<boolean> {
  try {
    await tx.definitionSignature.create({ data: { definitionId, side, userId: actor.id } });
  } catch (error) {
    if (isUniqueViolation(error)) throw new DomainError("Your team has already signed this version.", undefined, "conflict");
    throw error;
  }
  await recordAudit(tx, { actorId: actor.id, action: "definition.signed", entityType: "LeadDefinition", entityId: definitionId, data: { side } });
  const sides = (await tx.definitionSignature.findMany({ where: { definitionId }, select: { side: true } })).map((s) => s.side);
  if (!fullySigned(sides)) return false;
  await activate(tx, definitionId, "SIGNATURES", actor);
  return true;
}

/**
 * Makes a version the one in force: the previous one is superseded (and stays readable), and a background job
 * re-evaluates every lead not yet handed over. Leads already handed over keep the version they qualified under.
 */
async function activate(tx: Tx, definitionId: string, via: "SIGNATURES" | "CRO", actor: Actor) {
  await tx.leadDefinition.updateMany({ where: { status: "ACTIVE" }, data: { status: "SUPERSEDED" } });
  const definition = await tx.leadDefinition.update({
    where: { id: definitionId },
    data: { status: "ACTIVE", activatedAt: new Date(), activatedVia: via, activatedById: actor.id },
    select: { version: true },
  });
  const total = await tx.lead.count({ where: { stage: "INQUIRY" } });
  const job = await enqueueJob(tx, "reevaluate-leads", { version: definition.version }, total);
  await recordAudit(tx, {
    actorId: actor.id,
    action: "definition.activated",
    entityType: "LeadDefinition",
    entityId: definitionId,
    data: { version: definition.version, via, reevaluationJobId: job.id, leadsToReevaluate: total },
  });
}
