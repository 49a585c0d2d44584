import type { DiffLine, DiffSection } from "@/lib/story/diff";
import { cn } from "@/lib/ui/cn";
import { Badge } from "@/components/ui/badge";

const SECTION_BADGE = {
  added: { tone: "success", label: "Added" },
  removed: { tone: "danger", label: "Removed" },
  changed: { tone: "warning", label: "Changed" },
} as const;

/** One paragraph or message: kept as is, added, removed, or rewritten with its word changes (<ins>/<del>, read as such). */
function Line({ line }: { line: DiffLine }) {
  if (line.change === "same") return <p className="border-l-4 border-transparent py-1 pl-3 text-sm text-muted">{line.after}</p>;
  if (line.change === "added") {
    return (
      <p className="border-l-4 border-success bg-success-soft/50 py-1 pl-3 text-sm">
        <span className="sr-only">Added: </span>
        <ins className="no-underline">{line.after}</ins>
      </p>
    );
  }
  if (line.change === "removed") {
    return (
      <p className="border-l-4 border-danger bg-danger-soft/50 py-1 pl-3 text-sm text-muted">
        <span className="sr-only">Removed: </span>
        <del>{line.before}</del>
      </p>
    );
  }
  return (
    <p className="border-l-4 border-warning bg-warning-soft/40 py-1 pl-3 text-sm">
      <span className="sr-only">Changed: </span>
      {line.words.map((word, index) =>
        word.change === "added" ? (
          <ins key={index} className="rounded-sm bg-success-soft font-medium text-success no-underline">
            {word.text}
          </ins>
        ) : word.change === "removed" ? (
          <del key={index} className="rounded-sm bg-danger-soft text-danger">
            {word.text}
          </del>
        ) : (
          <span key={index}>{word.text}</span>
        ),
      )}
    </p>
  );
}

/** Section by section, what one version changes from the other; unchanged sections fold away when asked. */
export function StoryDiff({ sections, onlyChanges }: { sections: DiffSection[]; onlyChanges: boolean }) {
  const shown = onlyChanges ? sections.filter((section) => section.change !== "same") : sections;
  if (shown.length === 0) return <p className="text-sm text-muted">Nothing differs between the two versions.</p>;
  return (
    <div className="space-y-4">
      {shown.map((section) => (
        <section key={section.key} aria-label={section.title} className={cn("rounded-lg border border-border bg-surface p-4 shadow-xs")}>
          <div className="mb-2 flex items-center gap-2">
            <h3 className="text-sm font-semibold">{section.title}</h3>
            {section.change !== "same" && <Badge tone={SECTION_BADGE[section.change].tone}>{SECTION_BADGE[section.change].label}</Badge>}
          </div>
          <div className="space-y-1">
            {section.lines.map((line, index) => (
              <Line key={index} line={line} />
            ))}
          </div>
        </section>
      ))}
    </div>
  );
}
