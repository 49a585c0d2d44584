import Link from "next/link";
import type { Role } from "@/lib/db/enums";
import type { DefinitionView } from "@/lib/agreement/queries";
import { signingSide } from "@/lib/agreement/rules";
import { can } from "@/lib/auth/permissions";
import { formatDate } from "@/lib/ui/format";
import { Badge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader, CardTitle } from "@/components/ui/card";
import { DefinitionActions } from "./definition-actions";
import { SIDE_LABELS } from "./side-labels";
import { DefinitionStatusBadge } from "./status-badge";

const SIDES = ["SALES", "MARKETING"] as const;

/** The version being worked on (draft or proposed): where it stands, who has signed, and what the viewer may do. */
export function OpenVersion({ definition, role, hasActive }: { definition: DefinitionView; role: Role; hasActive: boolean }) {
  const status = definition.status === "PROPOSED" ? "PROPOSED" : "DRAFT";
  const signatures = new Map(definition.signatures.map((signature) => [signature.side, signature]));
  const side = can(role, "agreement:sign") ? signingSide(role) : null;
  const signSide = side && !signatures.has(side) ? side : null;
  const signActivates = signSide !== null && signatures.size === 1;
  const title = `${status === "PROPOSED" ? "Proposed" : "Draft"} version v${definition.version}`;

  return (
    <Card aria-labelledby="open-version-title">
      <CardHeader>
        <div className="flex items-center gap-2">
          <CardTitle id="open-version-title">{title}</CardTitle>
          <DefinitionStatusBadge status={definition.status} />
        </div>
        <Link href={`/agreement/versions/${definition.version}`} className="text-sm font-medium text-brand hover:underline">
          {hasActive ? "Compare with active" : `View version ${definition.version}`}
        </Link>
      </CardHeader>
      <CardBody className="space-y-4">
        <p className="text-sm text-muted">
          {status === "PROPOSED"
            ? `Proposed${definition.proposedAt ? ` on ${formatDate(definition.proposedAt)}` : ""}. It becomes active when both heads have signed it, or when the CRO activates it.`
            : `Drafted${definition.createdBy ? ` by ${definition.createdBy}` : ""} on ${formatDate(definition.createdAt)}. Nobody can sign a draft: propose it to collect both heads' signatures.`}
        </p>
        {status === "PROPOSED" && (
          <div>
            <h3 className="text-sm font-semibold">Signatures</h3>
            <ul className="mt-2 space-y-1 text-sm" aria-label="Signatures">
              {SIDES.map((each) => {
                const signature = signatures.get(each);
                return (
                  <li key={each} className="flex flex-wrap items-center gap-2">
                    <span className="w-20 font-medium">{SIDE_LABELS[each]}</span>
                    {signature ? (
                      <>
                        <Badge tone="success">
                          <span aria-hidden="true">✓&nbsp;</span>Signed
                        </Badge>
                        <span className="text-muted">
                          by {signature.name} on {formatDate(signature.signedAt)}
                        </span>
                      </>
                    ) : (
                      <Badge tone="neutral">Pending</Badge>
                    )}
                  </li>
                );
              })}
            </ul>
          </div>
        )}
        <DefinitionActions
          id={definition.id}
          revision={definition.revision}
          version={definition.version}
          status={status}
          canDraft={can(role, "agreement:draft")}
          canActivate={can(role, "agreement:activate")}
          signSide={signSide}
          signActivates={signActivates}
        />
      </CardBody>
    </Card>
  );
}
