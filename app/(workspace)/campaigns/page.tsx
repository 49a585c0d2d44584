import type { Metadata } from "next";
import Link from "next/link";
import { requirePermission } from "@/lib/auth/current-user";
import { can } from "@/lib/auth/permissions";
import { listCampaigns } from "@/lib/campaigns/queries";
import { campaignListHref } from "@/lib/campaigns/rules";
import { campaignListQuerySchema } from "@/lib/campaigns/schemas";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Pagination } from "@/components/ui/pagination";
import { CampaignSearch } from "@/components/campaigns/campaign-search";
import { CampaignsTable } from "@/components/campaigns/campaigns-table";

export const metadata: Metadata = { title: "Campaigns" };

export default async function CampaignsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePermission("campaign:read");
  const query = campaignListQuerySchema.parse(await searchParams);
  const result = await listCampaigns(user, query);
  const current = { ...query, page: result.page };
  const mayCreate = can(user.role, "campaign:manage");

  return (
    <div className="space-y-4">
      <div className="flex items-center justify-between">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">Campaigns</h1>
          <p className="text-sm text-muted">Newest first, each with its results over its whole life and sales&apos; rating of its leads.</p>
        </div>
        {mayCreate && (
          <Button asChild>
            <Link href="/campaigns/new">New campaign</Link>
          </Button>
        )}
      </div>
      <div className="flex flex-wrap items-end justify-between gap-3">
        <CampaignSearch q={query.q} worked={query.worked} />
        {can(user.role, "campaign:rate") && (
          <nav aria-label="Which campaigns" className="flex gap-3 text-sm">
            <Link href={campaignListHref(current, { worked: undefined })} aria-current={query.worked ? undefined : "page"} className="text-brand hover:underline aria-[current=page]:font-semibold">
              All campaigns
            </Link>
            <Link href={campaignListHref(current, { worked: "1" })} aria-current={query.worked ? "page" : undefined} className="text-brand hover:underline aria-[current=page]:font-semibold">
              Campaigns I worked (to rate)
            </Link>
          </nav>
        )}
      </div>
      {result.total === 0 ? (
        <EmptyState
          title={query.q || query.worked ? "No campaign matches" : "No campaigns yet"}
          description={
            query.worked
              ? "None of the campaigns matching this search has brought you a lead yet."
              : query.q
                ? "Try another part of the name."
                : "Campaigns marketing runs appear here, with the leads they bring."
          }
          action={
            query.q || query.worked ? (
              <Link href="/campaigns" className="text-sm text-brand hover:underline">
                Show all campaigns
              </Link>
            ) : mayCreate ? (
              <Button asChild>
                <Link href="/campaigns/new">New campaign</Link>
              </Button>
            ) : undefined
          }
        />
      ) : (
        <>
          <CampaignsTable rows={result.rows} />
          <Pagination page={result.page} pageCount={result.pageCount} total={result.total} hrefForPage={(page) => campaignListHref(current, { page })} />
        </>
      )}
    </div>
  );
}
