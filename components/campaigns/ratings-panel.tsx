import type { FeedbackEntry } from "@/lib/campaigns/feedback-queries";
import type { RatingSummary } from "@/lib/campaigns/rules";
import { formatDate } from "@/lib/ui/format";
import { Card, CardBody, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { RatingText } from "./rating-text";

/** Sales' ratings of the campaign's leads: the average, how the ratings spread, and every rep's comment. */
export function RatingsPanel({ summary, entries, children }: { summary: RatingSummary; entries: FeedbackEntry[]; children?: React.ReactNode }) {
  return (
    <Card aria-labelledby="ratings-title">
      <CardHeader>
        <CardTitle id="ratings-title">Sales&apos; ratings of its leads</CardTitle>
        <p className="text-sm" data-testid="rating-average">
          <RatingText average={summary.average} count={summary.count} />
        </p>
      </CardHeader>
      <CardBody className="space-y-4">
        {children}
        {entries.length === 0 ? (
          <EmptyState title="No ratings yet" description="Reps who worked this campaign's leads can rate them from 1 to 5, with a comment." />
        ) : (
          <>
            <p className="text-sm text-muted">
              {summary.distribution
                .map((count, index) => `${index + 1}★ ${count}`)
                .reverse()
                .join(" · ")}
            </p>
            <ul className="divide-y divide-border" aria-label="Ratings and comments">
              {entries.map((entry) => (
                <li key={entry.id} className="py-3">
                  <p className="text-sm">
                    <span className="font-medium">{entry.rep}</span> rated it <span className="font-medium tabular-nums">{entry.rating} / 5</span>
                    <span className="text-muted">
                      {" "}
                      · {formatDate(entry.updatedAt)}
                      {entry.edited && " (edited)"}
                    </span>
                  </p>
                  {entry.comment && <p className="mt-1 text-sm whitespace-pre-line">{entry.comment}</p>}
                </li>
              ))}
            </ul>
          </>
        )}
      </CardBody>
    </Card>
  );
}
