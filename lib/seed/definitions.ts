// The demo workspace's lead definitions: v1, the standard template both heads signed before the first lead arrived
// and that every demo lead was scored against, and v2, a stricter version the head of sales proposed this week and
// signed, waiting for marketing's signature, so the agreement page has something to discuss.
import { DEFAULT_RULES } from "../agreement/defaults";
import { definitionRulesSchema, type DefinitionRules } from "../agreement/schemas";
import type { Prisma } from "../db/generated/client";
import { addDays, addMs, HOUR } from "./calendar";
import type { Roster } from "./team";

export interface DefinitionRows {
  definitions: Prisma.LeadDefinitionCreateManyInput[];
  signatures: Prisma.DefinitionSignatureCreateManyInput[];
}

/** What sales proposes in v2: bigger accounts, energy companies in, a higher bar and a faster answer. */
export const PROPOSED_RULES: DefinitionRules = definitionRulesSchema.parse({
  ...DEFAULT_RULES,
  fit: {
    ...DEFAULT_RULES.fit,
    companySize: { min: 100, max: 10_000 },
    industries: [...DEFAULT_RULES.fit.industries, "Energy"],
  },
  mqlThreshold: 80,
  sla: { ...DEFAULT_RULES.sla, acceptHours: 12 },
  rejectionReasons: [
    ...DEFAULT_RULES.rejectionReasons,
    { code: "competitor", label: "Works for a competitor", outcome: "DISQUALIFIED" },
  ],
});

export function buildDefinitions(roster: Roster, window: { historyStartsAt: Date; now: Date }): DefinitionRows {
  const marketingHead = roster.byEmail("marketing.manager@tandem.test");
  const salesHead = roster.byEmail("sales.manager@tandem.test");

  // v1: drafted from the template by marketing, proposed (which signs for marketing), countersigned by sales.
  const v1Created = addMs(addDays(window.historyStartsAt, -12), 10 * HOUR);
  const v1Proposed = addMs(addDays(window.historyStartsAt, -10), 15 * HOUR);
  const v1Activated = addMs(addDays(window.historyStartsAt, -6), 11 * HOUR);
  // v2: drafted by sales five days ago, edited once the next morning, then proposed (signed for sales).
  const v2Created = addMs(addDays(window.now, -5), -9 * HOUR);
  const v2Edited = addMs(addDays(window.now, -4), -14 * HOUR);
  const v2Proposed = addMs(addDays(window.now, -4), -10 * HOUR);

  return {
    definitions: [
      {
        id: "seed_definition_v1",
        version: 1,
        status: "ACTIVE",
        rules: DEFAULT_RULES as unknown as Prisma.InputJsonValue,
        createdById: marketingHead.id,
        createdAt: v1Created,
        updatedAt: v1Activated,
        proposedAt: v1Proposed,
        proposedById: marketingHead.id,
        activatedAt: v1Activated,
        activatedVia: "SIGNATURES",
        activatedById: salesHead.id,
        revision: 1,
      },
      {
        id: "seed_definition_v2",
        version: 2,
        status: "PROPOSED",
        rules: PROPOSED_RULES as unknown as Prisma.InputJsonValue,
        createdById: salesHead.id,
        createdAt: v2Created,
        updatedAt: v2Proposed > v2Edited ? v2Proposed : v2Edited,
        proposedAt: v2Proposed,
        proposedById: salesHead.id,
        revision: 2,
      },
    ],
    signatures: [
      { id: "seed_signature_v1_marketing", definitionId: "seed_definition_v1", side: "MARKETING", userId: marketingHead.id, signedAt: v1Proposed },
      { id: "seed_signature_v1_sales", definitionId: "seed_definition_v1", side: "SALES", userId: salesHead.id, signedAt: v1Activated },
      { id: "seed_signature_v2_sales", definitionId: "seed_definition_v2", side: "SALES", userId: salesHead.id, signedAt: v2Proposed },
    ],
  };
}
