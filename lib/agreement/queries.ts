import "server-only";
import { db } from "../db/client";
import type { DefinitionStatus } from "../db/enums";
import { definitionRulesSchema, type DefinitionRules } from "./schemas";
import { describeRules, diffRules, type DiffRow, type RuleLine } from "./describe";

export interface DefinitionView {
  id: string;
  version: number;
  status: DefinitionStatus;
  revision: number;
  rules: DefinitionRules;
  lines: RuleLine[];
  signatures: { side: "SALES" | "MARKETING"; name: string; signedAt: string }[];
  createdBy: string | null;
  createdAt: string;
  proposedAt: string | null;
  activatedAt: string | null;
  activatedVia: "SIGNATURES" | "CRO" | null;
}

export interface VersionSummary {
  id: string;
  version: number;
  status: DefinitionStatus;
  createdAt: string;
  activatedAt: string | null;
  activatedVia: string | null;
}

export interface ReevaluationProgress {
  status: "QUEUED" | "RUNNING" | "DONE" | "FAILED";
  processed: number;
  total: number;
  version: number;
  finishedAt: string | null;
}

const VIEW_SELECT = {
  id: true,
  version: true,
  status: true,
  revision: true,
  rules: true,
  createdAt: true,
  proposedAt: true,
  activatedAt: true,
  activatedVia: true,
  createdBy: { select: { name: true } },
  signatures: { select: { side: true, signedAt: true, user: { select: { name: true } } }, orderBy: { signedAt: "asc" as const } },
};

type Row = NonNullable<Awaited<ReturnType<typeof findRow>>>;
function findRow(where: { version: number } | { status: DefinitionStatus } | { statuses: DefinitionStatus[] }) {
  const filter = "version" in where ? { version: where.version } : "status" in where ? { status: where.status } : { status: { in: where.statuses } };
  return db().leadDefinition.findFirst({ where: filter, select: VIEW_SELECT });
}

function toView(row: Row): DefinitionView {
  const rules = definitionRulesSchema.parse(row.rules);
  return {
    id: row.id,
    version: row.version,
    status: row.status,
    revision: row.revision,
    rules,
    lines: describeRules(rules),
    signatures: row.signatures.map((signature) => ({ side: signature.side, name: signature.user.name, signedAt: signature.signedAt.toISOString() })),
    createdBy: row.createdBy?.name ?? null,
    createdAt: row.createdAt.toISOString(),
    proposedAt: row.proposedAt?.toISOString() ?? null,
    activatedAt: row.activatedAt?.toISOString() ?? null,
    activatedVia: (row.activatedVia as DefinitionView["activatedVia"]) ?? null,
  };
}

/** Everything the Agreement page shows: the version in force, the one being worked on, the history, the re-evaluation. */
export async function getAgreementOverview(): Promise<{
  active: DefinitionView | null;
  open: DefinitionView | null;
  versions: VersionSummary[];
  reevaluation: ReevaluationProgress | null;
}> {
  const [active, open, versions, job] = await Promise.all([
    findRow({ status: "ACTIVE" }),
    findRow({ statuses: ["DRAFT", "PROPOSED"] }),
    db().leadDefinition.findMany({
      orderBy: { version: "desc" },
      select: { id: true, version: true, status: true, createdAt: true, activatedAt: true, activatedVia: true },
    }),
    db().job.findFirst({ where: { kind: "reevaluate-leads" }, orderBy: { createdAt: "desc" } }),
  ]);
  return {
    active: active ? toView(active) : null,
    open: open ? toView(open) : null,
    versions: versions.map((version) => ({
      ...version,
      createdAt: version.createdAt.toISOString(),
      activatedAt: version.activatedAt?.toISOString() ?? null,
    })),
    reevaluation: job
      ? {
          status: job.status,
          processed: job.processed,
          total: job.total,
          version: (job.payload as { version: number }).version,
          finishedAt: job.finishedAt?.toISOString() ?? null,
        }
      : null,
  };
}

/** One version, with its differences from the active one (none when it is the active one). */
export async function getDefinitionWithDiff(version: number): Promise<{ definition: DefinitionView; active: DefinitionView | null; diff: DiffRow[] } | null> {
  const [row, activeRow] = await Promise.all([findRow({ version }), findRow({ status: "ACTIVE" })]);
  if (!row) return null;
  const definition = toView(row);
  const active = activeRow ? toView(activeRow) : null;
  return { definition, active, diff: active ? diffRules(active.rules, definition.rules) : [] };
}

/** The rejection reasons a rep may use on this lead: those of the definition its pending handover was made under. */
export async function getLeadRejectionReasons(leadId: string) {
  const pending = await db().handover.findFirst({ where: { leadId, status: "PENDING" }, select: { definitionVersion: true } });
  if (!pending) return [];
  const definition = await db().leadDefinition.findUnique({ where: { version: pending.definitionVersion }, select: { rules: true } });
  return definition ? definitionRulesSchema.parse(definition.rules).rejectionReasons : [];
}
