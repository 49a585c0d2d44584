import type { Metadata } from "next";
import Link from "next/link";
import { requirePermission } from "@/lib/auth/current-user";
import { listInbox } from "@/lib/messaging/queries";
import { cn } from "@/lib/ui/cn";
import { Pagination } from "@/components/ui/pagination";
import { InboxList } from "@/components/messaging/inbox-list";

export const metadata: Metadata = { title: "Inbox" };

type Search = Promise<{ filter?: string; page?: string }>;

export default async function InboxPage({ searchParams }: { searchParams: Search }) {
  const user = await requirePermission("inbox:read");
  const params = await searchParams;
  const unreadOnly = params.filter === "unread";
  const inbox = await listInbox(user, { page: Number.parseInt(params.page ?? "1", 10) || 1, unreadOnly });
  const href = (patch: { unread?: boolean; page?: number }) => {
    const next = { unread: unreadOnly, page: 1, ...patch };
    const query = new URLSearchParams({ ...(next.unread && { filter: "unread" }), ...(next.page > 1 && { page: String(next.page) }) });
    return query.size ? `/inbox?${query.toString()}` : "/inbox";
  };
  const filters = [
    { label: "All", unread: false },
    { label: `Unread (${inbox.unread})`, unread: true },
  ];

  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Inbox</h1>
        <p className="text-sm text-muted">Mentions, replies in your threads, rejected leads, handovers assigned to you and SLA breaches.</p>
      </div>
      <nav aria-label="Inbox filter" className="flex gap-1">
        {filters.map((filter) => (
          <Link
            key={filter.label}
            href={href({ unread: filter.unread })}
            aria-current={filter.unread === unreadOnly ? "page" : undefined}
            className={cn("rounded-md px-3 py-1.5 text-sm", filter.unread === unreadOnly ? "bg-brand-soft font-medium text-brand" : "text-muted hover:bg-subtle")}
          >
            {filter.label}
          </Link>
        ))}
      </nav>
      <InboxList rows={inbox.rows} unread={inbox.unread} unreadOnly={unreadOnly} />
      {inbox.total > 0 && <Pagination page={inbox.page} pageCount={inbox.pageCount} total={inbox.total} hrefForPage={(page) => href({ page })} />}
    </div>
  );
}
