import type { PulseComment } from "@/lib/pulse/queries";
import { EmptyState } from "@/components/ui/empty-state";
import { Pagination } from "@/components/ui/pagination";

interface Props {
  comments: { rows: PulseComment[]; total: number; page: number; pageCount: number };
  hrefForPage: (page: number) => string;
}

/** The reps' comments, newest first, with the scores they came with. */
export function PulseComments({ comments, hrefForPage }: Props) {
  if (comments.total === 0) {
    return <EmptyState title="No comments yet" description="Comments are optional; those the reps write appear here, newest first." />;
  }
  return (
    <div className="space-y-3">
      <ul className="space-y-3" aria-label="Comments">
        {comments.rows.map((comment) => (
          <li key={comment.id} className="rounded-lg border border-border bg-surface p-4 shadow-xs">
            <p className="text-sm whitespace-pre-line">{comment.comment}</p>
            <p className="mt-2 text-xs text-muted">
              {comment.rep} · {comment.month} · usefulness {comment.usefulness}/5 · support {comment.support}/5
            </p>
          </li>
        ))}
      </ul>
      <Pagination page={comments.page} pageCount={comments.pageCount} total={comments.total} hrefForPage={hrefForPage} />
    </div>
  );
}
