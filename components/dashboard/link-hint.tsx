/** Under a clickable chart: how to open the leads behind a bar, or why it cannot be done with these filters. */
export function LinkHint({ linked }: { linked: boolean }) {
  return (
    <p className="text-xs text-muted">
      {linked
        ? "Click a bar, or a number in the data, to open the leads behind it."
        : "The leads list cannot show exactly these leads (it has no team filter, and a rep holds no leads in marketing's stages): choose a source, or clear the team and rep, to open the leads behind a bar."}
    </p>
  );
}
