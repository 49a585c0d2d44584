/** "3.5 / 5 (4 ratings)" or "Not rated yet": the number carries the meaning, the stars only decorate it. */
export function RatingText({ average, count }: { average: number | null; count: number }) {
  if (average === null || count === 0) return <span className="text-muted">Not rated yet</span>;
  return (
    <span className="whitespace-nowrap">
      <span aria-hidden="true" className="text-warning">
        {"★".repeat(Math.round(average))}
        {"☆".repeat(5 - Math.round(average))}
      </span>{" "}
      <span className="tabular-nums">{average.toFixed(1)} / 5</span>{" "}
      <span className="text-muted">
        ({count} {count === 1 ? "rating" : "ratings"})
      </span>
    </span>
  );
}
