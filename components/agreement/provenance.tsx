import type { DefinitionView } from "@/lib/agreement/queries";
import { formatDate } from "@/lib/ui/format";
import { SIDE_LABELS } from "./side-labels";


/** Who made a version binding and when: both heads' signatures, or the CRO's decision. */
export function provenanceOf(definition: DefinitionView): string {
  const signed = definition.signatures.map((signature) => `${signature.name} for ${SIDE_LABELS[signature.side]} on ${formatDate(signature.signedAt)}`);
  if (definition.activatedVia === "CRO") {
    const when = definition.activatedAt ? ` on ${formatDate(definition.activatedAt)}` : "";
    return `Activated by the CRO${when}${signed.length > 0 ? `; signed by ${signed.join(" and ")}` : ""}.`;
  }
  if (signed.length > 0) return `Signed by ${signed.join(" and ")}.`;
  return definition.createdBy ? `Drafted by ${definition.createdBy} on ${formatDate(definition.createdAt)}.` : `Drafted on ${formatDate(definition.createdAt)}.`;
}

export function Provenance({ definition }: { definition: DefinitionView }) {
  return (
    <p className="text-sm text-muted">
      {provenanceOf(definition)}
      {definition.status === "ACTIVE" && definition.activatedVia !== "CRO" && definition.activatedAt && ` In force since ${formatDate(definition.activatedAt)}.`}
    </p>
  );
}
