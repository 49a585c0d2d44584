"use client";
import { useState, useTransition } from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import type { NotificationKind } from "@/lib/db/enums";
import type { InboxRow } from "@/lib/messaging/queries";
import { markAllNotificationsReadAction, markNotificationReadAction } from "@/lib/messaging/actions";
import { formatDateTime } from "@/lib/ui/format";
import { cn } from "@/lib/ui/cn";
import { Alert } from "@/components/ui/alert";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { announceInboxChange } from "./unread-count";

const KINDS: Record<NotificationKind, { label: string; tone: BadgeTone }> = {
  MENTION: { label: "Mention", tone: "brand" },
  REPLY: { label: "Reply", tone: "info" },
  LEAD_REJECTED: { label: "Lead rejected", tone: "warning" },
  HANDOVER_ASSIGNED: { label: "Handed to you", tone: "success" },
  SLA_BREACH: { label: "SLA breach", tone: "danger" },
};

/** The inbox's lines: opening one marks it read; each can also be marked read alone, or all at once. */
export function InboxList({ rows, unread, unreadOnly }: { rows: InboxRow[]; unread: number; unreadOnly: boolean }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  const markRead = (id: string) =>
    startTransition(async () => {
      const result = await markNotificationReadAction({ notificationId: id });
      setError(result.ok ? null : (result.formError ?? "It was not marked read."));
      announceInboxChange();
      router.refresh();
    });
  const markAll = () =>
    startTransition(async () => {
      const result = await markAllNotificationsReadAction({});
      setError(result.ok ? null : (result.formError ?? "Nothing was marked read."));
      announceInboxChange();
      router.refresh();
    });
  const open = (row: InboxRow) => {
    // Marked read on the way; the link navigates whether or not that finished.
    if (!row.read) void markNotificationReadAction({ notificationId: row.id }).then(announceInboxChange);
  };

  if (rows.length === 0) {
    return <EmptyState title={unreadOnly ? "Nothing unread" : "Your inbox is empty"} description="Mentions, replies and handover news for you appear here." />;
  }
  return (
    <div className="space-y-3">
      {error && <Alert tone="danger">{error}</Alert>}
      <div className="flex justify-end">
        <Button size="sm" variant="secondary" onClick={markAll} disabled={unread === 0} pending={pending}>
          Mark all read
        </Button>
      </div>
      <ul aria-label="Notifications" className="divide-y divide-border rounded-lg border border-border bg-surface">
        {rows.map((row) => (
          <li key={row.id} className={cn("flex flex-wrap items-center gap-3 px-4 py-3", !row.read && "bg-brand-soft/40")}>
            <Badge tone={KINDS[row.kind].tone}>{KINDS[row.kind].label}</Badge>
            <Link href={row.link} onClick={() => open(row)} className={cn("min-w-0 flex-1 text-sm hover:underline", !row.read && "font-semibold")}>
              {row.summary}
            </Link>
            <time dateTime={row.createdAt} className="text-xs text-muted">
              {formatDateTime(row.createdAt)}
            </time>
            {row.read ? (
              <span className="text-xs text-muted">Read</span>
            ) : (
              <Button size="sm" variant="ghost" onClick={() => markRead(row.id)} aria-label={`Mark read: ${row.summary}`}>
                Mark read
              </Button>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
