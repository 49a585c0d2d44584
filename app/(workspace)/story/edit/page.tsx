import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { requirePermission } from "@/lib/auth/current-user";
import { getOpenStory } from "@/lib/story/queries";
import { DefinitionStatusBadge } from "@/components/agreement/status-badge";
import { StoryForm } from "@/components/story/story-form";

export const metadata: Metadata = { title: "Edit the story" };

/** The editor of the version being drafted or proposed; with none open, there is nothing to edit. */
export default async function EditStoryPage() {
  await requirePermission("story:draft");
  const story = await getOpenStory();
  if (!story) redirect("/story");
  const status = story.status === "PROPOSED" ? "PROPOSED" : "DRAFT";
  return (
    <div className="space-y-4">
      <Link href="/story" className="text-sm text-brand hover:underline">
        ← Story
      </Link>
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-semibold tracking-tight">Edit story v{story.version}</h1>
        <DefinitionStatusBadge status={story.status} />
      </div>
      <p className="max-w-prose text-sm text-muted">
        Changes apply to version {story.version} only. The story in force stays as it is until this version is signed by both heads or
        activated by the CRO.
      </p>
      <StoryForm key={story.revision} id={story.id} revision={story.revision} version={story.version} status={status} content={story.content} />
    </div>
  );
}
