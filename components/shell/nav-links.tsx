"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/lib/ui/cn";
import { useUnreadCount } from "@/components/messaging/unread-count";

/** The inbox's link carries the unread count, kept current by polling. */
const INBOX = "/inbox";

export function NavLinks({ items, unread = 0 }: { items: { href: string; label: string }[]; unread?: number }) {
  const pathname = usePathname();
  const count = useUnreadCount(unread);
  return (
    <nav aria-label="Main" className="order-last flex w-full flex-wrap gap-1">
      {items.map((item) => {
        const current = pathname === item.href || pathname.startsWith(`${item.href}/`);
        const badge = item.href === INBOX && count > 0;
        return (
          <span key={item.href} className="relative inline-flex items-center">
            <Link
              href={item.href}
              aria-current={current ? "page" : undefined}
              // The count is in the link's name for screen readers; the visible badge beside it is decoration.
              aria-label={badge ? `${item.label}, ${count} unread` : undefined}
              className={cn(
                "rounded-md px-2 py-1.5 text-sm font-medium whitespace-nowrap text-muted hover:bg-subtle hover:text-foreground focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand sm:px-3",
                current && "bg-brand-soft text-brand",
                badge && "pr-8",
              )}
            >
              {item.label}
            </Link>
            {badge && (
              <span
                aria-hidden="true"
                data-testid="unread-count"
                className="pointer-events-none absolute right-1.5 rounded-full bg-danger px-1.5 text-xs font-semibold text-white tabular-nums"
              >
                {count > 99 ? "99+" : count}
              </span>
            )}
          </span>
        );
      })}
    </nav>
  );
}
