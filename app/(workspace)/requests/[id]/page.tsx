import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePermission } from "@/lib/auth/current-user";
import { getRequest } from "@/lib/requests/queries";
import { availableActions, KIND_LABELS } from "@/lib/requests/rules";
import { formatDate, formatDateTime } from "@/lib/ui/format";
import { Card, CardBody, CardHeader, CardTitle } from "@/components/ui/card";
import { RequestActions } from "@/components/requests/request-actions";
import { RequestStatus } from "@/components/requests/request-status";

export const metadata: Metadata = { title: "Request" };

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <dt className="text-xs font-medium text-muted">{label}</dt>
      <dd className="mt-0.5 text-sm">{children}</dd>
    </div>
  );
}

export default async function RequestPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePermission("request:read");
  const request = await getRequest(user, (await params).id);
  if (!request) notFound();
  const actions = availableActions(request, user);

  return (
    <div className="space-y-4">
      <Link href="/requests" className="text-sm text-brand hover:underline">
        ← Requests
      </Link>
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-semibold tracking-tight">{request.title}</h1>
        <RequestStatus status={request.status} overdue={request.overdue} />
      </div>
      <RequestActions id={request.id} version={request.version} title={request.title} actions={actions} />
      <Card aria-labelledby="request-facts-title">
        <CardHeader>
          <CardTitle id="request-facts-title">{KIND_LABELS[request.kind]}</CardTitle>
        </CardHeader>
        <CardBody className="space-y-4">
          <dl className="grid gap-4 sm:grid-cols-3">
            <Fact label="Asked by">
              {request.requester} on {formatDate(request.createdAt)}
            </Fact>
            <Fact label="Due">{formatDate(`${request.dueDate}T00:00:00Z`)}</Fact>
            <Fact label="Taken by">{request.assignee ? `${request.assignee}${request.takenAt ? ` on ${formatDate(request.takenAt)}` : ""}` : "Nobody yet"}</Fact>
            {request.deliveryUrl && (
              <Fact label={`Delivered${request.deliveredAt ? ` ${formatDateTime(request.deliveredAt)}` : ""}`}>
                <a href={request.deliveryUrl} target="_blank" rel="noopener noreferrer" className="break-all text-brand hover:underline">
                  {request.deliveryUrl}
                </a>
              </Fact>
            )}
            {request.cancelledAt && <Fact label="Cancelled">{formatDateTime(request.cancelledAt)}</Fact>}
          </dl>
          <div>
            <h2 className="text-sm font-semibold">Details</h2>
            <p className="mt-1 text-sm whitespace-pre-line">{request.details}</p>
          </div>
          <div>
            <h2 className="text-sm font-semibold">Named accounts</h2>
            {request.accounts.length === 0 ? (
              <p className="mt-1 text-sm text-muted">None named.</p>
            ) : (
              <ul className="mt-1 list-disc pl-5 text-sm">
                {request.accounts.map((account) => (
                  <li key={account}>{account}</li>
                ))}
              </ul>
            )}
          </div>
        </CardBody>
      </Card>
    </div>
  );
}
