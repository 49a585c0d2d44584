import type { Metadata } from "next";
import Link from "next/link";
import { requirePermission } from "@/lib/auth/current-user";
import { can } from "@/lib/auth/permissions";
import { leadListQuerySchema } from "@/lib/leads/schemas";
import { listLeadOwnerOptions, listLeads } from "@/lib/leads/queries";
import { leadListHref } from "@/lib/leads/rules";
import { Button } from "@/components/ui/button";
import { Pagination } from "@/components/ui/pagination";
import { LeadFilters } from "@/components/leads/lead-filters";
import { LeadsTable } from "@/components/leads/leads-table";

export const metadata: Metadata = { title: "Leads" };

export default async function LeadsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePermission("lead:read");
  const query = leadListQuerySchema.parse(await searchParams);
  const [result, owners] = await Promise.all([listLeads(user, query), listLeadOwnerOptions()]);
  const current = { ...query, page: result.page };

  return (
    <div className="space-y-4">
      <div className="flex items-center justify-between">
        <h1 className="text-2xl font-semibold tracking-tight">Leads</h1>
        {can(user.role, "lead:create") && (
          <Button asChild>
            <Link href="/leads/new">Log a lead</Link>
          </Button>
        )}
      </div>
      <LeadFilters query={current} owners={owners} />
      <LeadsTable query={current} rows={result.rows} />
      <Pagination
        page={result.page}
        pageCount={result.pageCount}
        total={result.total}
        hrefForPage={(page) => leadListHref(current, { page })}
      />
    </div>
  );
}
