import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePermission } from "@/lib/auth/current-user";
import { getLead } from "@/lib/leads/queries";
import { COUNTRIES, SOURCE_LABELS, STAGE_LABELS } from "@/lib/leads/catalog";
import { formatCount, formatDate, formatDateTime, formatMoney } from "@/lib/ui/format";
import { Card, CardBody, CardHeader, CardTitle } from "@/components/ui/card";
import { StageBadge } from "@/components/leads/stage-badge";

export const metadata: Metadata = { title: "Lead" };

export default async function LeadPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePermission("lead:read");
  const lead = await getLead(user, (await params).id);
  if (!lead) notFound();

  const facts: [string, React.ReactNode][] = [
    ["Email", lead.email],
    ["Job title", lead.title],
    ["Company", lead.company.name],
    ["Company size", `${formatCount(lead.company.size)} employees`],
    ["Industry", lead.company.industry],
    ["Country", COUNTRIES[lead.company.country as keyof typeof COUNTRIES] ?? lead.company.country],
    ["Source", SOURCE_LABELS[lead.source]],
    ["Campaign", lead.campaign?.name ?? "None"],
    ["Score", lead.score],
    ["Owner", lead.owner?.name ?? "Nobody"],
    ["Logged by", lead.createdBy ?? "Unknown"],
    ["Created", formatDateTime(lead.createdAt)],
  ];
  if (lead.amount) facts.push(["Amount", formatMoney(lead.amount)]);
  if (lead.expectedCloseDate) facts.push(["Expected close", formatDate(lead.expectedCloseDate)]);

  return (
    <div className="space-y-4">
      <Link href="/leads" className="text-sm text-brand hover:underline">
        ← All leads
      </Link>
      <div className="flex items-center gap-3">
        <h1 className="text-2xl font-semibold tracking-tight">{lead.name}</h1>
        <StageBadge stage={lead.stage} />
      </div>
      <div className="grid gap-4 lg:grid-cols-2">
        <Card>
          <CardHeader>
            <CardTitle>Details</CardTitle>
          </CardHeader>
          <CardBody>
            <dl className="grid grid-cols-[max-content_1fr] gap-x-6 gap-y-2 text-sm">
              {facts.map(([label, value]) => (
                <div key={label} className="contents">
                  <dt className="text-muted">{label}</dt>
                  <dd>{value}</dd>
                </div>
              ))}
            </dl>
          </CardBody>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>Stage history</CardTitle>
          </CardHeader>
          <CardBody>
            <ol className="space-y-3 text-sm" aria-label="Stage history">
              {lead.history.map((change) => (
                <li key={change.id} className="border-l-2 border-border pl-3">
                  <div className="font-medium">
                    {change.from ? `${STAGE_LABELS[change.from]} → ${STAGE_LABELS[change.to]}` : `Entered as ${STAGE_LABELS[change.to]}`}
                  </div>
                  <div className="text-muted">
                    {formatDateTime(change.at)} · {change.actor ?? "Tandem"}
                    {change.reason ? ` · ${change.reason}` : ""}
                  </div>
                </li>
              ))}
            </ol>
          </CardBody>
        </Card>
      </div>
    </div>
  );
}
