import type { RuleLine } from "@/lib/agreement/describe";
import type { RejectionReason } from "@/lib/agreement/schemas";
import { Badge } from "@/components/ui/badge";
import { groupBySection } from "./sections";

export function OutcomeBadge({ outcome }: { outcome: RejectionReason["outcome"] }) {
  return outcome === "NURTURE" ? <Badge tone="info">Recycles to nurture</Badge> : <Badge tone="danger">Disqualifies</Badge>;
}

/** A definition in plain language: one titled list per section, the way both heads read it before signing. */
export function DefinitionSummary({ lines, reasons }: { lines: RuleLine[]; reasons: RejectionReason[] }) {
  const outcomes = new Map(reasons.map((reason) => [`reason.${reason.code}`, reason.outcome]));
  return (
    <div className="gap-4 lg:columns-2">
      {groupBySection(lines).map(({ section, rows }) => (
        <section key={section} className="mb-4 break-inside-avoid rounded-md border border-border p-4 last:mb-0">
          <h3 className="mb-3 text-sm font-semibold tracking-wide text-muted uppercase">
            {section}
          </h3>
          <dl className="grid grid-cols-[minmax(0,14rem)_1fr] gap-x-4 gap-y-2 text-sm">
            {rows.map((line) => {
              const outcome = outcomes.get(line.key);
              return (
                <div key={line.key} className="contents">
                  <dt className="text-muted">{line.label}</dt>
                  <dd>{outcome ? <OutcomeBadge outcome={outcome} /> : line.value}</dd>
                </div>
              );
            })}
          </dl>
        </section>
      ))}
    </div>
  );
}

