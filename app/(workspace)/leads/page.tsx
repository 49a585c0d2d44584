import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { requirePermission } from "@/lib/auth/current-user";
import { can } from "@/lib/auth/permissions";
import { leadListQuerySchema, type LeadListQuery } from "@/lib/leads/schemas";
import { countListedLeads, listLeadOwnerOptions, listLeadRows } from "@/lib/leads/queries";
import { leadListHref, pageCount } from "@/lib/leads/rules";
import { STAGE_LABELS } from "@/lib/leads/catalog";
import { Button } from "@/components/ui/button";
import { Pagination } from "@/components/ui/pagination";
import { LeadFilters } from "@/components/leads/lead-filters";
import { LeadsTable } from "@/components/leads/leads-table";

export const metadata: Metadata = { title: "Leads" };

/** The list's filters and order as a query string, for the export (the page number does not matter there). */
function exportSearch(query: LeadListQuery): string {
  const href = leadListHref({ ...query, page: 1 }, {});
  const index = href.indexOf("?");
  return index < 0 ? "" : href.slice(index);
}

export default async function LeadsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePermission("lead:read");
  const query = leadListQuerySchema.parse(await searchParams);
  // The total is counted alongside the page but not waited for: the rows show at once and the count streams in.
  const total = countListedLeads(user, query);
  const [result, owners] = await Promise.all([listLeadRows(user, query), listLeadOwnerOptions()]);
  const current = { ...query, page: result.page };
  const hrefForPage = (page: number) => leadListHref(current, { page });

  return (
    <div className="space-y-4">
      <div className="flex items-center justify-between">
        <h1 className="text-2xl font-semibold tracking-tight">Leads</h1>
        <div className="flex flex-wrap gap-2">
          {/* Every lead matching the filters below (not just this page), as CSV: a download, not a page. */}
          <Button asChild variant="secondary">
            <a href={`/api/leads/export${exportSearch(current)}`} download>
              Export CSV
            </a>
          </Button>
          {can(user.role, "lead:import") && (
            <Button asChild variant="secondary">
              <Link href="/leads/import">Import CSV</Link>
            </Button>
          )}
          {can(user.role, "lead:create") && (
            <Button asChild>
              <Link href="/leads/new">Log a lead</Link>
            </Button>
          )}
        </div>
      </div>
      <LeadFilters query={current} owners={owners} />
      {(current.entered || current.campaign) && (
        <p className="text-sm text-muted" data-testid="figure-filter">
          {current.entered && `Leads that entered ${STAGE_LABELS[current.entered]}${current.from ? ` from ${current.from}` : ""}${current.to ? ` to ${current.to}` : ""}`}
          {current.entered && current.campaign ? " · " : ""}
          {current.campaign && (current.campaign === "none" ? "without a campaign" : "from one campaign")}
          {" · "}
          <Link href={leadListHref(current, { entered: undefined, from: undefined, to: undefined, campaign: undefined })} className="text-brand hover:underline">
            Show all leads
          </Link>
        </p>
      )}
      <LeadsTable query={current} rows={result.rows} />
      <Suspense fallback={<Pagination page={result.page} pageCount={null} total={null} hasNext={result.hasNext} hrefForPage={hrefForPage} />}>
        <CountedPagination total={total} page={result.page} size={query.size} hrefForPage={hrefForPage} />
      </Suspense>
    </div>
  );
}

async function CountedPagination({ total, page, size, hrefForPage }: { total: Promise<number>; page: number; size: number; hrefForPage: (page: number) => string }) {
  const count = await total;
  return <Pagination page={page} pageCount={pageCount(count, size)} total={count} hrefForPage={hrefForPage} />;
}
