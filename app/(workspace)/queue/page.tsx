import type { Metadata } from "next";
import Link from "next/link";
import { requirePermission } from "@/lib/auth/current-user";
import { listMyQueue } from "@/lib/handovers/queries";
import { formatDateTime } from "@/lib/ui/format";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { SlaClock } from "@/components/handovers/sla-clock";
import { RespondToHandover } from "@/components/handovers/respond-to-handover";
import { myPipeline, repFigures } from "@/lib/metrics/breakdowns";
import { metricsFilter, parseDashboardQuery } from "@/lib/metrics/filter";
import { FilterBar } from "@/components/dashboard/filter-bar";
import { MyPipelinePanel } from "@/components/dashboard/my-pipeline-panel";
import { RepFigures } from "@/components/dashboard/rep-figures";
import { buildView, periodLine } from "@/components/dashboard/view";
import { RepHomeCards } from "@/components/home/rep-home-cards";
import { GoalsStrip } from "@/components/goals/goals-strip";

export const metadata: Metadata = { title: "My queue" };

type Search = Promise<Record<string, string | string[] | undefined>>;

/** The rep's home: their queue with its SLA clocks, their pipeline by stage, their own speed to lead and acceptance. */
export default async function QueuePage({ searchParams }: { searchParams: Search }) {
  const user = await requirePermission("handover:respond");
  // Only the period applies here: every figure on this page is the rep's own.
  const query = { ...parseDashboardQuery(await searchParams), team: undefined, rep: undefined, source: undefined, campaign: undefined };
  const now = new Date();
  const { period } = metricsFilter(query, now);
  const [{ rows, reasons }, pipeline, figures] = await Promise.all([listMyQueue(user), myPipeline(user.id), repFigures(user.id, period, now)]);
  const view = buildView(query, period);
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">My queue</h1>
          <p className="text-sm text-muted">Leads marketing handed to you, oldest first. Accept or reject each within the agreed time.</p>
        </div>
        <FilterBar action="/queue" query={query} fields={["period"]} />
      </div>
      <GoalsStrip />
      <p className="text-sm text-muted">My figures: {periodLine(view)}</p>
      <div className="grid gap-4 lg:grid-cols-2">
        <RepFigures view={view} figures={figures} />
        <MyPipelinePanel stages={pipeline} owner={user.name} />
      </div>
      <h2 className="text-base font-semibold">Waiting for my answer</h2>
      {rows.length === 0 ? (
        <EmptyState title="Nothing waiting for you" description="New MQLs appear here the moment they are handed to you." />
      ) : (
        <Table aria-label="Handovers waiting for you">
          <THead>
            <TR>
              <TH>Lead</TH>
              <TH>Score</TH>
              <TH>Handed over</TH>
              <TH>Time to answer</TH>
              <TH>
                <span className="sr-only">Answer</span>
              </TH>
            </TR>
          </THead>
          <TBody>
            {rows.map((row) => (
              <TR key={row.id}>
                <TD>
                  <Link href={`/leads/${row.lead.id}`} className="font-medium text-brand hover:underline">
                    {row.lead.name}
                  </Link>
                  <div className="text-xs text-muted">
                    {[row.lead.title, row.lead.company].filter(Boolean).join(" · ")}
                  </div>
                </TD>
                <TD numeric>{row.lead.score}</TD>
                <TD className="whitespace-nowrap">
                  {formatDateTime(row.createdAt)}
                  <div className="text-xs text-muted">by {row.from ?? "Tandem"}</div>
                </TD>
                <TD>
                  <SlaClock createdAt={row.createdAt} dueAt={row.dueAt} respondedAt={row.respondedAt} />
                </TD>
                <TD>
                  <RespondToHandover handoverId={row.id} leadName={row.lead.name} leadVersion={row.lead.version} reasons={reasons[row.definitionVersion] ?? []} />
                </TD>
              </TR>
            ))}
          </TBody>
        </Table>
      )}
      <RepHomeCards user={user} />
    </div>
  );
}
