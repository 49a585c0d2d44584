import type { Metadata } from "next";
import { requirePermission } from "@/lib/auth/current-user";
import { can } from "@/lib/auth/permissions";
import { getStoryOverview } from "@/lib/story/queries";
import { Card, CardBody, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { DefinitionStatusBadge } from "@/components/agreement/status-badge";
import { DraftStoryButton } from "@/components/story/draft-story-button";
import { OpenStory } from "@/components/story/open-story";
import { StoryText } from "@/components/story/story-content";
import { StoryHistory } from "@/components/story/story-history";
import { StoryProvenance } from "@/components/story/story-provenance";
import { ThreadSection } from "@/components/messaging/thread-section";

export const metadata: Metadata = { title: "Story" };

/** The baseline story both teams tell: the version in force, the one being worked on, and every earlier version. */
export default async function StoryPage() {
  const user = await requirePermission("story:read");
  const { active, open, versions } = await getStoryOverview();
  const mayDraft = can(user.role, "story:draft") && !open;

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div className="space-y-1">
          <h1 className="text-2xl font-semibold tracking-tight">Our story</h1>
          <p className="max-w-prose text-sm text-muted">
            The one story sales and marketing tell: who we are, what the product does, and the key messages for each persona. Both heads
            sign each version.
          </p>
        </div>
        {mayDraft && active && <DraftStoryButton label="Draft a new version" />}
      </div>

      {open && <OpenStory story={open} role={user.role} hasActive={active !== null} />}

      {active ? (
        <Card aria-labelledby="active-story-title">
          <CardHeader>
            <div className="space-y-1">
              <div className="flex items-center gap-2">
                <CardTitle id="active-story-title">Story v{active.version}</CardTitle>
                <DefinitionStatusBadge status={active.status} />
              </div>
              <StoryProvenance story={active} />
            </div>
          </CardHeader>
          <CardBody>
            <StoryText content={active.content} headingLevel="h3" />
          </CardBody>
        </Card>
      ) : (
        <EmptyState
          title="No story is in force yet"
          description={
            open ? `Version ${open.version} is in force once both heads sign it (or the CRO activates it).` : "Either head drafts the story; it is in force once both heads sign it."
          }
          action={mayDraft ? <DraftStoryButton label={versions.length === 0 ? "Draft the first version" : "Draft a new version"} /> : undefined}
        />
      )}

      {active && (
        <ThreadSection
          user={user}
          subject={{ subjectType: "STORY", subjectId: active.id }}
          title={`Comments on v${active.version}`}
          description="Questions and suggestions about the story in force. Comments stay with this version."
        />
      )}

      <section aria-labelledby="story-history-title" className="space-y-3">
        <h2 id="story-history-title" className="text-lg font-semibold">
          Version history
        </h2>
        <StoryHistory versions={versions} />
      </section>
    </div>
  );
}
