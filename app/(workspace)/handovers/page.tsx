import type { Metadata } from "next";
import Link from "next/link";
import { requirePermission } from "@/lib/auth/current-user";
import { can } from "@/lib/auth/permissions";
import { countHandovers, HANDOVER_VIEWS, listActiveReps, listHandovers, type HandoverView } from "@/lib/handovers/queries";
import { listOwnedLeadIds } from "@/lib/leads/queries";
import { cn } from "@/lib/ui/cn";
import { Pagination } from "@/components/ui/pagination";
import { HandoversTable } from "@/components/handovers/handovers-table";

export const metadata: Metadata = { title: "Handovers" };

const LABELS: Record<HandoverView, string> = {
  pending: "Waiting",
  breached: "Past SLA",
  rejected: "Rejected",
  disputed: "Disputed",
  accepted: "Accepted",
  all: "All",
};

type Search = Promise<{ view?: string; page?: string; mine?: string }>;

export default async function HandoversPage({ searchParams }: { searchParams: Search }) {
  const user = await requirePermission("handover:read");
  const params = await searchParams;
  const view = (HANDOVER_VIEWS as readonly string[]).includes(params.view ?? "") ? (params.view as HandoverView) : "pending";
  const mine = params.mine === "1";
  const page = Number.parseInt(params.page ?? "1", 10) || 1;
  const permissions = { dispute: can(user.role, "handover:dispute"), manage: can(user.role, "handover:manage") };
  const [result, counts, reps] = await Promise.all([
    listHandovers(user, { view, page, mine }),
    countHandovers(user),
    permissions.manage ? listActiveReps() : Promise.resolve([]),
  ]);
  const owned = permissions.dispute ? await listOwnedLeadIds(user, result.rows.map((row) => row.lead.id)) : new Set<string>();
  const href = (patch: { view?: HandoverView; page?: number; mine?: boolean }) => {
    const next = { view, mine, page: 1, ...patch };
    const query = new URLSearchParams({ view: next.view, ...(next.mine && { mine: "1" }), ...(next.page > 1 && { page: String(next.page) }) });
    return `/handovers?${query.toString()}`;
  };

  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Handovers</h1>
        <p className="text-sm text-muted">Every MQL marketing handed to sales, and what became of it.</p>
      </div>
      <nav aria-label="Handover views" className="flex flex-wrap gap-1">
        {HANDOVER_VIEWS.map((option) => (
          <Link
            key={option}
            href={href({ view: option })}
            aria-current={option === view ? "page" : undefined}
            className={cn("rounded-md px-3 py-1.5 text-sm", option === view ? "bg-brand-soft font-medium text-brand" : "text-muted hover:bg-subtle")}
          >
            {LABELS[option]} <span className="tabular-nums">({counts[option]})</span>
          </Link>
        ))}
        {permissions.dispute && (
          <Link href={href({ mine: !mine })} className="ml-auto rounded-md px-3 py-1.5 text-sm text-brand hover:underline">
            {mine ? "Show everyone's leads" : "Only my leads"}
          </Link>
        )}
      </nav>
      <HandoversTable rows={result.rows} can={permissions} viewerId={user.id} ownedByViewer={owned} reps={reps} />
      <Pagination page={result.page} pageCount={result.pageCount} total={result.total} hrefForPage={(number) => href({ page: number })} />
    </div>
  );
}
