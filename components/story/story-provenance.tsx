import type { StoryView } from "@/lib/story/queries";
import { formatDate } from "@/lib/ui/format";
import { SIDE_LABELS } from "@/components/agreement/side-labels";

/** Who made a version binding and when: both heads' signatures, or the CRO's decision. */
export function storyProvenance(story: StoryView): string {
  const signed = story.signatures.map((signature) => `${signature.name} for ${SIDE_LABELS[signature.side]} on ${formatDate(signature.signedAt)}`);
  if (story.activatedVia === "CRO") {
    const when = story.activatedAt ? ` on ${formatDate(story.activatedAt)}` : "";
    return `Activated by the CRO${when}${signed.length > 0 ? `; signed by ${signed.join(" and ")}` : ""}.`;
  }
  if (signed.length > 0) return `Signed by ${signed.join(" and ")}.`;
  return story.createdBy ? `Drafted by ${story.createdBy} on ${formatDate(story.createdAt)}.` : `Drafted on ${formatDate(story.createdAt)}.`;
}

export function StoryProvenance({ story }: { story: StoryView }) {
  return (
    <p className="text-sm text-muted">
      {storyProvenance(story)}
      {story.status === "ACTIVE" && story.activatedVia !== "CRO" && story.activatedAt && ` In force since ${formatDate(story.activatedAt)}.`}
    </p>
  );
}
