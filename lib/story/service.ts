// Versions of the baseline story, signed exactly like the lead definition: drafted by a head or the CRO, proposed,
// signed by both heads (or activated by the CRO). Every step checks the revision the person saw.
import { db, Prisma, type Tx } from "../db/client";
import type { Role } from "../db/enums";
import { DomainError } from "../actions/result";
import { recordAudit } from "../audit/service";
import { STORY_TEMPLATE } from "./defaults";
import { fullySigned, signingSide } from "./rules";
import { storyContentSchema, type StoryContent } from "./schemas";

interface Actor {
  id: string;
  role: Role;
}
interface Ref {
  id: string;
  revision: number;
}

const CHANGED = "Someone changed this version of the story a moment ago. Reload to see the latest and try again.";

function isUniqueViolation(error: unknown) {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

async function loadOpen(tx: Tx, ref: Ref, allowed: ("DRAFT" | "PROPOSED")[]) {
  const story = await tx.story.findUnique({ where: { id: ref.id }, include: { signatures: true } });
  if (!story) throw new DomainError("That version of the story does not exist.", undefined, "not_found");
  if (story.revision !== ref.revision) throw new DomainError(CHANGED, undefined, "conflict");
  if (!allowed.includes(story.status as "DRAFT")) {
    throw new DomainError(`Version ${story.version} is ${story.status.toLowerCase()}; it cannot be changed now.`, undefined, "conflict");
  }
  return story;
}

/** Bumps the revision only if nobody else did first. */
async function bump(tx: Tx, ref: Ref, data: Prisma.StoryUpdateManyMutationInput) {
  const updated = await tx.story.updateMany({ where: { id: ref.id, revision: ref.revision }, data: { ...data, revision: { increment: 1 } } });
  if (updated.count !== 1) throw new DomainError(CHANGED, undefined, "conflict");
}

const audit = (tx: Tx, actor: Actor, action: string, storyId: string, data: Prisma.InputJsonValue) =>
  recordAudit(tx, { actorId: actor.id, action: `story.${action}`, entityType: "Story", entityId: storyId, data });

/** Starts the next version as a copy of the active one (or of the outline, for a workspace's first story). */
export async function draftStory(actor: Actor): Promise<{ id: string; version: number }> {
  try {
    return await db().$transaction(async (tx) => {
      const open = await tx.story.findFirst({ where: { status: { in: ["DRAFT", "PROPOSED"] } }, select: { version: true } });
      if (open) throw new DomainError(`Version ${open.version} is already being worked on; finish or withdraw it first.`, undefined, "conflict");
      const active = await tx.story.findFirst({ where: { status: "ACTIVE" }, select: { content: true } });
      const content: StoryContent = active ? storyContentSchema.parse(active.content) : STORY_TEMPLATE;
      const latest = await tx.story.aggregate({ _max: { version: true } });
      const version = (latest._max.version ?? 0) + 1;
      const created = await tx.story.create({ data: { version, content, createdById: actor.id }, select: { id: true, version: true } });
      await audit(tx, actor, "drafted", created.id, { version });
      return created;
    });
  } catch (error) {
    // Two heads pressing "Draft" at once: the database lets one open version exist; the other is told.
    if (isUniqueViolation(error)) throw new DomainError("Another version was started a moment ago. Reload to see it.", undefined, "conflict");
    throw error;
  }
}

/** Saves an edit. Editing a proposed version clears its signatures: people signed what they read, not this. */
export async function updateStory(actor: Actor, input: Ref & { content: StoryContent }) {
  return db().$transaction(async (tx) => {
    const story = await loadOpen(tx, input, ["DRAFT", "PROPOSED"]);
    const cleared = await tx.storySignature.deleteMany({ where: { storyId: story.id } });
    await bump(tx, input, { content: input.content });
    await audit(tx, actor, "edited", story.id, { version: story.version, signaturesCleared: cleared.count });
    return { revision: input.revision + 1 };
  });
}

/** Puts a draft up for signature; a head who proposes it signs it for their team at the same time. */
export async function proposeStory(actor: Actor, input: Ref) {
  return db().$transaction(async (tx) => {
    const story = await loadOpen(tx, input, ["DRAFT"]);
    await bump(tx, input, { status: "PROPOSED", proposedAt: new Date(), proposedById: actor.id });
    await audit(tx, actor, "proposed", story.id, { version: story.version });
    const side = signingSide(actor.role);
    if (side) await addSignature(tx, story.id, side, actor);
    return { revision: input.revision + 1 };
  });
}

/** A head signs for their team; the second signature makes the version the story in force. */
export async function signStory(actor: Actor, input: Ref) {
  const side = signingSide(actor.role);
  if (!side) throw new DomainError("Only the heads of sales and marketing sign the story.", undefined, "forbidden");
  return db().$transaction(async (tx) => {
    const story = await loadOpen(tx, input, ["PROPOSED"]);
    if (story.signatures.some((signature) => signature.side === side)) {
      throw new DomainError(`${side === "SALES" ? "Sales" : "Marketing"} has already signed version ${story.version}.`, undefined, "conflict");
    }
    await bump(tx, input, {});
    const activated = await addSignature(tx, story.id, side, actor);
    return { activated };
  });
}

/** The CRO settles a disagreement by activating a proposed version without both signatures. */
export async function activateStory(actor: Actor, input: Ref) {
  return db().$transaction(async (tx) => {
    const story = await loadOpen(tx, input, ["PROPOSED"]);
    await bump(tx, input, {});
    await activate(tx, story.id, "CRO", actor);
    return { activated: true };
  });
}

export async function withdrawStory(actor: Actor, input: Ref) {
  return db().$transaction(async (tx) => {
    const story = await loadOpen(tx, input, ["DRAFT", "PROPOSED"]);
    await bump(tx, input, { status: "WITHDRAWN" });
    await audit(tx, actor, "withdrawn", story.id, { version: story.version });
    return { revision: input.revision + 1 };
  });
}

async function addSignature(tx: Tx, storyId: string, side: "SALES" | "MARKETING", actor: Actor): Promise<boolean> {
  try {
    await tx.storySignature.create({ data: { storyId, side, userId: actor.id } });
  } catch (error) {
    if (isUniqueViolation(error)) throw new DomainError("Your team has already signed this version.", undefined, "conflict");
    throw error;
  }
  await audit(tx, actor, "signed", storyId, { side });
  const sides = (await tx.storySignature.findMany({ where: { storyId }, select: { side: true } })).map((signature) => signature.side);
  if (!fullySigned(sides)) return false;
  await activate(tx, storyId, "SIGNATURES", actor);
  return true;
}

/** Makes a version the story in force; the previous one is superseded and stays readable. */
async function activate(tx: Tx, storyId: string, via: "SIGNATURES" | "CRO", actor: Actor) {
  await tx.story.updateMany({ where: { status: "ACTIVE" }, data: { status: "SUPERSEDED" } });
  const story = await tx.story.update({
    where: { id: storyId },
    data: { status: "ACTIVE", activatedAt: new Date(), activatedVia: via, activatedById: actor.id },
    select: { version: true },
  });
  await audit(tx, actor, "activated", storyId, { version: story.version, via });
}
