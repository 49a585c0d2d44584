import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePermission } from "@/lib/auth/current-user";
import { can } from "@/lib/auth/permissions";
import { getLead, getLeadEvaluation, listCampaignOptions } from "@/lib/leads/queries";
import { listActiveReps, listLeadHandovers } from "@/lib/handovers/queries";
import { getLeadRejectionReasons } from "@/lib/agreement/queries";
import { manualMoves } from "@/lib/funnel/rules";
import { refuseEdit } from "@/lib/leads/rules";
import { refuseTouch } from "@/lib/touches/rules";
import { refuseDispute } from "@/lib/handovers/rules";
import { firstTouchDue } from "@/lib/handovers/first-touch";
import { COUNTRIES, SOURCE_LABELS, STAGE_LABELS, TOUCH_KIND_LABELS } from "@/lib/leads/catalog";
import { formatCount, formatDate, formatDateTime, formatMoney } from "@/lib/ui/format";
import { Card, CardBody, CardHeader, CardTitle } from "@/components/ui/card";
import { StageBadge } from "@/components/leads/stage-badge";
import { ScoreCard } from "@/components/leads/score-card";
import { LeadHandovers } from "@/components/leads/lead-handovers";
import { LogTouchForm } from "@/components/leads/log-touch-form";
import { MoveStageForm } from "@/components/leads/move-stage-form";
import { EditLeadForm } from "@/components/leads/edit-lead-form";
import { ThreadSection } from "@/components/messaging/thread-section";

export const metadata: Metadata = { title: "Lead" };

const unknown = <span className="text-muted">Unknown</span>;

export default async function LeadPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePermission("lead:read");
  const lead = await getLead(user, (await params).id);
  if (!lead) notFound();
  const [evaluation, handovers, campaigns, reps, reasons] = await Promise.all([
    getLeadEvaluation(user, lead),
    listLeadHandovers(user, lead.id),
    listCampaignOptions(),
    can(user.role, "handover:manage") ? listActiveReps() : Promise.resolve([]),
    getLeadRejectionReasons(lead.id),
  ]);

  const leadState = { ownerId: lead.owner?.id ?? null, ownerRole: lead.ownerRole, assignedRepId: lead.pendingRepId };
  const moves = can(user.role, "lead:move") ? manualMoves(lead.stage, user, leadState) : [];
  const marketing = user.role === "MARKETER" || user.role === "MARKETING_MANAGER";
  const canEdit = can(user.role, "lead:edit") && refuseEdit(user, { stage: lead.stage, ownerId: leadState.ownerId, ownerRole: lead.ownerRole }) === null;
  const canTouch = can(user.role, "touch:log") && refuseTouch(user, { stage: lead.stage, ownerId: leadState.ownerId, ownerRole: lead.ownerRole, pendingRepId: lead.pendingRepId }) === null;
  const canDispute = can(user.role, "handover:dispute") && handovers.some((handover) => refuseDispute(handover.disputedAt ? { status: handover.status, disputedAt: new Date(handover.disputedAt) } : { status: handover.status, disputedAt: null }, user, leadState.ownerId) === null);

  const facts: [string, React.ReactNode][] = [
    ["Email", lead.email],
    ["Job title", lead.title ?? unknown],
    ["Company", lead.company.name],
    ["Company size", lead.company.size === null ? unknown : `${formatCount(lead.company.size)} employees`],
    ["Industry", lead.company.industry ?? unknown],
    ["Country", lead.company.country ? (COUNTRIES[lead.company.country as keyof typeof COUNTRIES] ?? lead.company.country) : unknown],
    ["Source", SOURCE_LABELS[lead.source]],
    ["Campaign", lead.campaign?.name ?? "None"],
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
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-semibold tracking-tight">{lead.name}</h1>
        <StageBadge stage={lead.stage} />
        {canEdit && (
          <div className="ml-auto">
            <EditLeadForm lead={lead} campaigns={campaigns} />
          </div>
        )}
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
        <ScoreCard result={evaluation} />
        <LeadHandovers
          handovers={handovers}
          viewerId={user.id}
          can={{ respond: can(user.role, "handover:respond"), dispute: canDispute, manage: can(user.role, "handover:manage") }}
          reasons={reasons}
          reps={reps}
          firstTouch={firstTouchDue(handovers, lead.touches)}
        />
        {(moves.length > 0 || (marketing && lead.stage === "NURTURE")) && (
          <Card>
            <CardHeader>
              <CardTitle>Move along the funnel</CardTitle>
            </CardHeader>
            <CardBody>
              <MoveStageForm leadId={lead.id} version={lead.version} moves={moves} canResubmit={marketing && lead.stage === "NURTURE"} />
            </CardBody>
          </Card>
        )}
        <Card>
          <CardHeader>
            <CardTitle>Touches</CardTitle>
          </CardHeader>
          <CardBody className="space-y-4">
            {canTouch && <LogTouchForm leadId={lead.id} />}
            {lead.touches.length === 0 ? (
              <p className="text-sm text-muted">No touches yet.</p>
            ) : (
              <ol className="space-y-2 text-sm" aria-label="Touches">
                {lead.touches.map((touch) => (
                  <li key={touch.id}>
                    <span className="font-medium">{TOUCH_KIND_LABELS[touch.kind]}</span> · {formatDateTime(touch.at)} · {touch.by}
                    {touch.note && <div className="text-muted">{touch.note}</div>}
                  </li>
                ))}
              </ol>
            )}
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
        <ThreadSection user={user} subject={{ subjectType: "LEAD", subjectId: lead.id }} title="Discussion" className="lg:col-span-2" />
        {handovers[0] && (
          <ThreadSection
            user={user}
            subject={{ subjectType: "HANDOVER", subjectId: handovers[0].id }}
            title={`Handover to ${handovers[0].to.name}`}
            description="About the latest handover: its fit, the rejection, the dispute."
            className="lg:col-span-2"
          />
        )}
      </div>
    </div>
  );
}
