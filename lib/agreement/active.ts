// Loading a definition for the rules to use: the one read path shared by services (inside their transactions)
// and pages. The stored JSON is parsed with the same schema that validated it, so rules are never trusted raw.
import type { Tx } from "../db/client";
import { definitionRulesSchema, type DefinitionRules } from "./schemas";

export interface LoadedDefinition {
  id: string;
  version: number;
  rules: DefinitionRules;
}

export async function findActiveDefinition(tx: Tx): Promise<LoadedDefinition | null> {
  const row = await tx.leadDefinition.findFirst({ where: { status: "ACTIVE" }, select: { id: true, version: true, rules: true } });
  return row ? { id: row.id, version: row.version, rules: definitionRulesSchema.parse(row.rules) } : null;
}

export async function findDefinitionByVersion(tx: Tx, version: number): Promise<LoadedDefinition | null> {
  const row = await tx.leadDefinition.findUnique({ where: { version }, select: { id: true, version: true, rules: true } });
  return row ? { id: row.id, version: row.version, rules: definitionRulesSchema.parse(row.rules) } : null;
}
