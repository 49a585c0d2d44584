import type { GoalMetric } from "@/lib/db/enums";
import type { BreakdownGroup } from "@/lib/goals/breakdown";
import { accumulates } from "@/lib/goals/rules";
import { formatPercent } from "@/lib/ui/format";
import { Card, CardBody, CardHeader, CardTitle } from "@/components/ui/card";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { formatMetric } from "./labels";

/** How many rows each dimension lists; the rest are summed up in a line. */
const ROWS_SHOWN = 8;

/** "What moved it": the goal's figure so far by team, rep, source and campaign, biggest (or best) first. */
export function GoalBreakdown({ metric, groups }: { metric: GoalMetric; groups: BreakdownGroup[] }) {
  const sums = accumulates(metric);
  return (
    <Card aria-labelledby="goal-breakdown-title">
      <CardHeader>
        <div>
          <CardTitle id="goal-breakdown-title">What moved it</CardTitle>
          <p className="mt-0.5 text-sm text-muted">
            {sums ? "The figure so far, split by who and what brought it." : "The same figure for each team, rep, source and campaign, best first."}
          </p>
        </div>
      </CardHeader>
      <CardBody>
        {groups.length === 0 ? (
          <p className="text-sm text-muted">Nothing has moved yet: the period has not started.</p>
        ) : (
          <div className="grid gap-6 lg:grid-cols-2">
            {groups.map((group) => (
              <section key={group.dimension} aria-labelledby={`moved-${group.dimension}`} className="space-y-2" data-breakdown={group.dimension}>
                <h3 id={`moved-${group.dimension}`} className="text-sm font-semibold">
                  {group.title}
                </h3>
                {group.rows.length === 0 ? (
                  <p className="text-sm text-muted">Nothing to show for this split in the period so far.</p>
                ) : (
                  <Table aria-labelledby={`moved-${group.dimension}`}>
                    <THead>
                      <TR>
                        <TH>{group.title.replace(/^By /, "").replace(/^./, (letter) => letter.toUpperCase())}</TH>
                        <TH numeric>Figure</TH>
                        {sums && <TH numeric>Share</TH>}
                      </TR>
                    </THead>
                    <TBody>
                      {group.rows.slice(0, ROWS_SHOWN).map((row) => (
                        <TR key={row.key}>
                          <TH scope="row" className="font-medium text-foreground">
                            {row.label}
                          </TH>
                          <TD numeric>{formatMetric(metric, row.value)}</TD>
                          {sums && <TD numeric>{formatPercent(row.share)}</TD>}
                        </TR>
                      ))}
                    </TBody>
                  </Table>
                )}
                {group.rows.length > ROWS_SHOWN && <p className="text-xs text-muted">And {group.rows.length - ROWS_SHOWN} more.</p>}
              </section>
            ))}
          </div>
        )}
      </CardBody>
    </Card>
  );
}
