import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePermission } from "@/lib/auth/current-user";
import { getStoryVersion } from "@/lib/story/queries";
import { parseVersionNumber } from "@/lib/story/rules";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Label } from "@/components/ui/label";
import { Select } from "@/components/ui/select";
import { DefinitionStatusBadge } from "@/components/agreement/status-badge";
import { StoryText } from "@/components/story/story-content";
import { StoryDiff } from "@/components/story/story-diff";
import { StoryProvenance } from "@/components/story/story-provenance";
import { ThreadSection } from "@/components/messaging/thread-section";

interface Props {
  params: Promise<{ version: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

const first = (raw: string | string[] | undefined) => (Array.isArray(raw) ? raw[0] : raw);

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const version = parseVersionNumber((await params).version);
  return { title: version === null ? "Story" : `Story v${version}` };
}

/** One version of the story, readable whatever its status, with what it changes from another version. */
export default async function StoryVersionPage({ params, searchParams }: Props) {
  const user = await requirePermission("story:read");
  const version = parseVersionNumber((await params).version);
  if (version === null) notFound();
  const search = await searchParams;
  const compareTo = parseVersionNumber(first(search.compare));
  const result = await getStoryVersion(version, compareTo);
  if (!result) notFound();
  const { story, activeVersion, versions, against } = result;
  const onlyChanges = first(search.changes) === "only";
  const base = `/story/versions/${story.version}${against ? `?compare=${against.version}` : ""}`;
  const others = versions.filter((each) => each !== story.version);

  return (
    <div className="space-y-6">
      <Link href="/story" className="text-sm text-brand hover:underline">
        ← Story
      </Link>
      <div className="space-y-1">
        <div className="flex flex-wrap items-center gap-3">
          <h1 className="text-2xl font-semibold tracking-tight">Story v{story.version}</h1>
          <DefinitionStatusBadge status={story.status} />
        </div>
        <StoryProvenance story={story} />
      </div>
      {story.status === "ACTIVE" && <Alert tone="success">This is the story in force today.</Alert>}
      {story.status !== "ACTIVE" && activeVersion !== null && (
        <Alert tone="info">
          The story in force is <Link href={`/story/versions/${activeVersion}`} className="font-medium underline">version {activeVersion}</Link>.
        </Alert>
      )}

      <section aria-labelledby="story-compare-title" className="space-y-3">
        <div className="flex flex-wrap items-end justify-between gap-3">
          <div>
            <h2 id="story-compare-title" className="text-lg font-semibold">
              {against ? `Changes from version ${against.version}` : "Changes"}
            </h2>
            <p className="text-sm text-muted">
              {against
                ? against.changed === 0
                  ? `Nothing differs from v${against.version}.`
                  : `${against.changed} ${against.changed === 1 ? "section differs" : "sections differ"} from v${against.version}.`
                : "This is the first version: there is nothing earlier to compare it with."}
            </p>
          </div>
          {others.length > 0 && (
            <form method="get" className="flex items-end gap-2">
              <div>
                <Label htmlFor="compare">Compare with</Label>
                <Select id="compare" name="compare" defaultValue={against ? String(against.version) : undefined}>
                  {others.map((each) => (
                    <option key={each} value={each}>
                      Version {each}
                      {each === activeVersion ? " (in force)" : ""}
                    </option>
                  ))}
                </Select>
              </div>
              <Button type="submit" variant="secondary">
                Compare
              </Button>
            </form>
          )}
        </div>
        {against && (
          <>
            <Link href={onlyChanges ? base : `${base}${base.includes("?") ? "&" : "?"}changes=only`} className="text-sm font-medium text-brand hover:underline">
              {onlyChanges ? "Show every section" : "Show only changes"}
            </Link>
            <StoryDiff sections={against.sections} onlyChanges={onlyChanges} />
          </>
        )}
      </section>

      <section aria-labelledby="story-text-title" className="space-y-3">
        <h2 id="story-text-title" className="text-lg font-semibold">
          Version {story.version} in full
        </h2>
        <StoryText content={story.content} headingLevel="h3" />
      </section>

      {/* Only versions that have been in force have comments (lib/messaging/access.ts); for drafts this draws nothing. */}
      <ThreadSection
        user={user}
        subject={{ subjectType: "STORY", subjectId: story.id }}
        title={`Comments on v${story.version}`}
        description={story.status === "ACTIVE" ? "Questions and suggestions about the story in force." : "What people said while this version was in force."}
      />
    </div>
  );
}
