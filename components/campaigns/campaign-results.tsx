import Link from "next/link";
import type { CampaignResultsView } from "@/lib/campaigns/results";
import { leadListHref } from "@/lib/leads/rules";
import { leadListQuerySchema } from "@/lib/leads/schemas";
import { dayKey } from "@/lib/metrics/rules";
import { lastDay } from "@/lib/metrics/filter";
import { formatCount, formatDate, formatMoney, formatPercent } from "@/lib/ui/format";
import { Card, CardBody, CardHeader, CardTitle } from "@/components/ui/card";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";

const LIST_DEFAULTS = leadListQuerySchema.parse({});

function Figure({ label, value, detail, href }: { label: string; value: string; detail?: string; href?: string }) {
  return (
    <div className="rounded-lg border border-border bg-surface p-3" role="group" aria-label={label}>
      <p className="text-sm text-muted">{label}</p>
      <p className="mt-1 text-xl font-semibold tabular-nums" data-value>
        {href ? (
          <Link href={href} className="text-brand hover:underline">
            {value}
          </Link>
        ) : (
          value
        )}
      </p>
      {detail && <p className="text-xs text-muted">{detail}</p>}
    </div>
  );
}

/** The campaign's results over its whole life, from the same reads as the dashboards. */
export function CampaignResultsPanel({ campaignId, view }: { campaignId: string; view: CampaignResultsView }) {
  const { results, period, reasons } = view;
  const entered = (stage: "INQUIRY" | "MQL" | "SAL" | "SQL" | "WON") =>
    leadListHref(LIST_DEFAULTS, { campaign: campaignId, entered: stage, from: dayKey(period.from), to: lastDay(period) });
  const target = results.targetMqls === null ? undefined : `Target ${formatCount(results.targetMqls)} (${formatPercent(results.targetMqls === 0 ? null : results.mqls / results.targetMqls, 0)})`;
  return (
    <Card aria-labelledby="results-title">
      <CardHeader>
        <CardTitle id="results-title">Results</CardTitle>
        <p className="text-sm text-muted">
          From {formatDate(period.from.toISOString())} to today: the campaign&apos;s whole life, as the dashboards count it.
        </p>
      </CardHeader>
      <CardBody className="space-y-4">
        <div className="grid grid-cols-2 gap-3 md:grid-cols-4">
          <Figure label="Leads" value={formatCount(results.leads)} href={entered("INQUIRY")} />
          <Figure label="MQLs" value={formatCount(results.mqls)} detail={target} href={entered("MQL")} />
          <Figure label="Handed over" value={formatCount(results.handedOver)} detail={`${formatCount(results.pending)} waiting for an answer`} />
          <Figure label="Accepted" value={formatCount(results.accepted)} detail={`${formatPercent(view.acceptanceRate)} of those handed over`} href={entered("SAL")} />
          <Figure label="Rejected" value={formatCount(results.rejected)} />
          <Figure label="SQLs" value={formatCount(results.sqls)} href={entered("SQL")} />
          <Figure label="Pipeline" value={formatMoney(results.pipeline)} detail={`${formatCount(results.opportunities)} opportunities opened`} />
          <Figure label="Won" value={formatCount(results.won)} detail={formatMoney(results.wonAmount)} href={entered("WON")} />
        </div>
        <section aria-labelledby="reasons-title" className="space-y-2">
          <h3 id="reasons-title" className="text-sm font-semibold">
            Rejected, by reason
          </h3>
          {reasons.length === 0 ? (
            <p className="text-sm text-muted">Sales has rejected none of this campaign&apos;s leads.</p>
          ) : (
            <Table aria-labelledby="reasons-title">
              <THead>
                <TR>
                  <TH>Reason</TH>
                  <TH numeric>Rejections</TH>
                  <TH numeric>Share</TH>
                </TR>
              </THead>
              <TBody>
                {reasons.map((reason) => (
                  <TR key={reason.code}>
                    <TD>{reason.label}</TD>
                    <TD numeric>{formatCount(reason.count)}</TD>
                    <TD numeric>{formatPercent(reason.share, 0)}</TD>
                  </TR>
                ))}
              </TBody>
            </Table>
          )}
        </section>
      </CardBody>
    </Card>
  );
}
