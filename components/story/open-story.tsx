import Link from "next/link";
import type { Role } from "@/lib/db/enums";
import type { StoryView } from "@/lib/story/queries";
import { signingSide } from "@/lib/story/rules";
import { can } from "@/lib/auth/permissions";
import { formatDate } from "@/lib/ui/format";
import { Badge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader, CardTitle } from "@/components/ui/card";
import { SIDE_LABELS } from "@/components/agreement/side-labels";
import { DefinitionStatusBadge } from "@/components/agreement/status-badge";
import { StoryActions } from "./story-actions";

const SIDES = ["SALES", "MARKETING"] as const;

/** The version of the story being worked on: where it stands, who has signed, and what the viewer may do. */
export function OpenStory({ story, role, hasActive }: { story: StoryView; role: Role; hasActive: boolean }) {
  const status = story.status === "PROPOSED" ? "PROPOSED" : "DRAFT";
  const signatures = new Map(story.signatures.map((signature) => [signature.side, signature]));
  const side = can(role, "story:sign") ? signingSide(role) : null;
  const signSide = side && !signatures.has(side) ? side : null;
  return (
    <Card aria-labelledby="open-story-title">
      <CardHeader>
        <div className="flex items-center gap-2">
          <CardTitle id="open-story-title">{`${status === "PROPOSED" ? "Proposed" : "Draft"} story v${story.version}`}</CardTitle>
          <DefinitionStatusBadge status={story.status} />
        </div>
        <Link href={`/story/versions/${story.version}`} className="text-sm font-medium text-brand hover:underline">
          {hasActive ? "Compare with active" : `Read version ${story.version}`}
        </Link>
      </CardHeader>
      <CardBody className="space-y-4">
        <p className="text-sm text-muted">
          {status === "PROPOSED"
            ? `Proposed${story.proposedAt ? ` on ${formatDate(story.proposedAt)}` : ""}. It is in force when both heads have signed it, or when the CRO activates it.`
            : `Drafted${story.createdBy ? ` by ${story.createdBy}` : ""} on ${formatDate(story.createdAt)}. Nobody can sign a draft: propose it to collect both heads' signatures.`}
        </p>
        {status === "PROPOSED" && (
          <ul className="space-y-1 text-sm" aria-label="Signatures">
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
        )}
        <StoryActions
          id={story.id}
          revision={story.revision}
          version={story.version}
          status={status}
          canDraft={can(role, "story:draft")}
          canActivate={can(role, "story:activate")}
          signSide={signSide}
          signActivates={signSide !== null && signatures.size === 1}
        />
      </CardBody>
    </Card>
  );
}
