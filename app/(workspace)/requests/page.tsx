import type { Metadata } from "next";
import Link from "next/link";
import { requirePermission } from "@/lib/auth/current-user";
import { can } from "@/lib/auth/permissions";
import { defaultView, listRequests, viewsFor, type RequestView } from "@/lib/requests/queries";
import { cn } from "@/lib/ui/cn";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Pagination } from "@/components/ui/pagination";
import { RequestsTable } from "@/components/requests/requests-table";

export const metadata: Metadata = { title: "Requests" };

type Search = Promise<Record<string, string | string[] | undefined>>;

const first = (raw: string | string[] | undefined) => (Array.isArray(raw) ? raw[0] : raw);

function pageParam(raw: string | undefined): number {
  const value = Number(raw);
  return Number.isInteger(value) && value >= 1 && value <= 100_000 ? value : 1;
}

const VIEW_LABELS: Record<RequestView, { tab: string; empty: string; forMarketing?: string }> = {
  mine: { tab: "Mine", empty: "You have not asked marketing for anything yet.", forMarketing: "You are not working on any request. Take one from the open ones." },
  open: { tab: "Open", empty: "No request is waiting for marketing to take it." },
  all: { tab: "All", empty: "Nobody has asked marketing for help yet." },
};

/** Requests to marketing: a rep's own, the open ones waiting to be taken, and all of them; overdue ones are marked. */
export default async function RequestsPage({ searchParams }: { searchParams: Search }) {
  const user = await requirePermission("request:read");
  const search = await searchParams;
  const views = viewsFor(user.role);
  const asked = first(search.view) as RequestView | undefined;
  const view = asked && views.includes(asked) ? asked : defaultView(user.role);
  const result = await listRequests(user, view, pageParam(first(search.page)));
  const marketing = can(user.role, "request:work");
  const mayAsk = can(user.role, "request:create");

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div className="space-y-1">
          <h1 className="text-2xl font-semibold tracking-tight">Requests</h1>
          <p className="max-w-prose text-sm text-muted">
            Reps ask marketing for content, a value proposition or a nurture campaign for named accounts; a marketer takes each request and
            delivers it with a link.
          </p>
        </div>
        {mayAsk && (
          <Button asChild>
            <Link href="/requests/new">Ask marketing</Link>
          </Button>
        )}
      </div>
      <nav aria-label="Which requests" className="flex gap-1 border-b border-border">
        {views.map((each) => (
          <Link
            key={each}
            href={`/requests?view=${each}`}
            aria-current={each === view ? "page" : undefined}
            className={cn(
              "-mb-px border-b-2 px-3 py-2 text-sm font-medium",
              each === view ? "border-brand text-brand" : "border-transparent text-muted hover:text-foreground",
            )}
          >
            {VIEW_LABELS[each].tab}
          </Link>
        ))}
      </nav>
      {result.total === 0 ? (
        <EmptyState
          title="No requests here"
          description={marketing && view === "mine" ? VIEW_LABELS.mine.forMarketing : VIEW_LABELS[view].empty}
          action={
            mayAsk && view !== "open" ? (
              <Button asChild>
                <Link href="/requests/new">Ask marketing</Link>
              </Button>
            ) : undefined
          }
        />
      ) : (
        <>
          <RequestsTable rows={result.rows} caption={`${VIEW_LABELS[view].tab} requests`} />
          <Pagination page={result.page} pageCount={result.pageCount} total={result.total} hrefForPage={(page) => `/requests?view=${view}&page=${page}`} />
        </>
      )}
    </div>
  );
}
