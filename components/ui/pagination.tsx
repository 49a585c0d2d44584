import Link from "next/link";
import { cn } from "@/lib/ui/cn";

export type PaginationProps = {
  /** 1-based. */
  page: number;
  /** null while the total is still being counted: the page then shows Next when `hasNext` says a page follows. */
  pageCount: number | null;
  total: number | null;
  hasNext?: boolean;
  hrefForPage: (page: number) => string;
  className?: string;
};

const control = "inline-flex h-8 items-center rounded-md border px-3 text-sm font-medium";

/**
 * Plain links, so paging works without JavaScript and every page has a shareable URL. A server component:
 * hrefForPage is a function and could not be passed to a client component.
 */
export function Pagination({ page, pageCount, total, hasNext = false, hrefForPage, className }: PaginationProps) {
  const last = pageCount === null ? null : Math.max(1, pageCount);
  const current = last === null ? Math.max(1, page) : Math.min(Math.max(1, page), last);
  const next = last === null ? hasNext : current < last;

  return (
    <nav aria-label="Pagination" className={cn("flex flex-wrap items-center justify-between gap-3", className)}>
      <p className="text-sm text-muted" aria-live="polite">
        {last === null || total === null ? (
          <>Page {current} · counting results…</>
        ) : (
          <>
            Page {current} of {last} · {total.toLocaleString("en-US")} {total === 1 ? "result" : "results"}
          </>
        )}
      </p>
      <div className="flex gap-2">
        <PageLink label="Previous" rel="prev" target={current > 1 ? hrefForPage(current - 1) : null} />
        <PageLink label="Next" rel="next" target={next ? hrefForPage(current + 1) : null} />
      </div>
    </nav>
  );
}

function PageLink({ label, rel, target }: { label: string; rel: "prev" | "next"; target: string | null }) {
  if (target === null) {
    // Kept in place (not removed) so the layout doesn't jump; announced as unavailable.
    return (
      <span aria-disabled="true" className={cn(control, "cursor-not-allowed border-border text-muted opacity-60")}>
        {label}
      </span>
    );
  }
  return (
    <Link href={target} rel={rel} className={cn(control, "border-input bg-surface text-foreground hover:bg-subtle")}>
      {label}
    </Link>
  );
}
