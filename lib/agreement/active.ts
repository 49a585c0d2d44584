// Loading a definition for the rules to use: the one read path shared by services (inside their transactions)
// and pages. The stored JSON is parsed with the same schema that validated it, so rules are never trusted raw.
import type { Tx } from "../db/client";
import { definitionRulesSchema, type DefinitionRules } from "./schemas";

export interface LoadedDefinition {
  id: string;
  version: number;
  /** Bumped by every edit, signature and activation: with the id, it says whether a copy is still current. */
  revision: number;
  rules: DefinitionRules;
}

const SELECTED = { id: true, version: true, revision: true, rules: true } as const;

export async function findActiveDefinition(tx: Tx): Promise<LoadedDefinition | null> {
  const row = await tx.leadDefinition.findFirst({ where: { status: "ACTIVE" }, select: SELECTED });
  return row ? { id: row.id, version: row.version, revision: row.revision, rules: definitionRulesSchema.parse(row.rules) } : null;
}

export async function findDefinitionByVersion(tx: Tx, version: number): Promise<LoadedDefinition | null> {
  const row = await tx.leadDefinition.findUnique({ where: { version }, select: SELECTED });
  return row ? { id: row.id, version: row.version, revision: row.revision, rules: definitionRulesSchema.parse(row.rules) } : null;
}

let remembered: { definition: LoadedDefinition | null } | undefined;

/**
 * The active definition as this process last read it, to save a query per arriving lead. A copy may be out of date
 * (another process activated a new version): the caller must confirm it in the statement that writes with it (by its
 * id and revision, see lib/leads/arrival.ts) and call forgetActiveDefinition when it was not.
 */
export async function rememberedActiveDefinition(tx: Tx): Promise<LoadedDefinition | null> {
  remembered ??= { definition: await findActiveDefinition(tx) };
  return remembered.definition;
}

export function forgetActiveDefinition(): void {
  remembered = undefined;
}
