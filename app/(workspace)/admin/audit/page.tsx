import type { Metadata } from "next";
import Link from "next/link";
import { requirePermission } from "@/lib/auth/current-user";
import { auditFilterOptions, listAuditEvents } from "@/lib/audit/queries";
import { auditHref } from "@/lib/audit/rules";
import { auditQuerySchema } from "@/lib/audit/schemas";
import { AuditFilters } from "@/components/audit/audit-filters";
import { AuditTable } from "@/components/audit/audit-table";
import { EmptyState } from "@/components/ui/empty-state";
import { Pagination } from "@/components/ui/pagination";

export const metadata: Metadata = { title: "Audit log" };

export default async function AuditLogPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePermission("audit:read");
  const query = auditQuerySchema.parse(await searchParams);
  const [result, options] = await Promise.all([listAuditEvents(query), auditFilterOptions()]);
  const current = { ...query, page: result.page };
  const filtered = Boolean(query.action || query.entityType || query.actor || query.from || query.to);

  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Audit log</h1>
        <p className="text-sm text-muted">Every change that matters, newest first. Entries cannot be edited or deleted.</p>
      </div>
      <AuditFilters query={current} options={options} />
      {result.rows.length === 0 ? (
        <EmptyState
          title={filtered ? "No entries match these filters" : "Nothing has been recorded yet"}
          description={filtered ? <Link href="/admin/audit" className="text-brand hover:underline">Show every entry</Link> : undefined}
        />
      ) : (
        <>
          <AuditTable rows={result.rows} />
          <Pagination page={result.page} pageCount={result.pageCount} total={result.total} hrefForPage={(page) => auditHref(current, { page })} />
        </>
      )}
    </div>
  );
}
