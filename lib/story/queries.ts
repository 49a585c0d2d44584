import "server-only";
import { db } from "../db/client";
import type { DefinitionStatus } from "../db/enums";
import { changedSections, diffStories, type DiffSection } from "./diff";
import { defaultComparison, teaserOf } from "./rules";
import { storyContentSchema, type StoryContent } from "./schemas";

export interface StoryView {
  id: string;
  version: number;
  status: DefinitionStatus;
  revision: number;
  content: StoryContent;
  signatures: { side: "SALES" | "MARKETING"; name: string; signedAt: string }[];
  createdBy: string | null;
  createdAt: string;
  proposedAt: string | null;
  activatedAt: string | null;
  activatedVia: "SIGNATURES" | "CRO" | null;
}

export interface StoryVersionSummary {
  id: string;
  version: number;
  status: DefinitionStatus;
  createdAt: string;
  activatedAt: string | null;
  activatedVia: string | null;
}

const VIEW_SELECT = {
  id: true,
  version: true,
  status: true,
  revision: true,
  content: true,
  createdAt: true,
  proposedAt: true,
  activatedAt: true,
  activatedVia: true,
  createdBy: { select: { name: true } },
  signatures: { select: { side: true, signedAt: true, user: { select: { name: true } } }, orderBy: { signedAt: "asc" as const } },
};

type Row = NonNullable<Awaited<ReturnType<typeof findRow>>>;
function findRow(where: { version: number } | { statuses: DefinitionStatus[] }) {
  return db().story.findFirst({ where: "version" in where ? { version: where.version } : { status: { in: where.statuses } }, select: VIEW_SELECT });
}

function toView(row: Row): StoryView {
  return {
    id: row.id,
    version: row.version,
    status: row.status,
    revision: row.revision,
    // Parsed with the schema that validated it: stored JSON is never trusted raw.
    content: storyContentSchema.parse(row.content),
    signatures: row.signatures.map((signature) => ({ side: signature.side, name: signature.user.name, signedAt: signature.signedAt.toISOString() })),
    createdBy: row.createdBy?.name ?? null,
    createdAt: row.createdAt.toISOString(),
    proposedAt: row.proposedAt?.toISOString() ?? null,
    activatedAt: row.activatedAt?.toISOString() ?? null,
    activatedVia: (row.activatedVia as StoryView["activatedVia"]) ?? null,
  };
}

async function listVersions(): Promise<StoryVersionSummary[]> {
  const rows = await db().story.findMany({
    orderBy: { version: "desc" },
    select: { id: true, version: true, status: true, createdAt: true, activatedAt: true, activatedVia: true },
  });
  return rows.map((row) => ({ ...row, createdAt: row.createdAt.toISOString(), activatedAt: row.activatedAt?.toISOString() ?? null }));
}

/** Everything the Story page shows: the version in force, the one being worked on, and the history. */
export async function getStoryOverview(): Promise<{ active: StoryView | null; open: StoryView | null; versions: StoryVersionSummary[] }> {
  const [active, open, versions] = await Promise.all([findRow({ statuses: ["ACTIVE"] }), findRow({ statuses: ["DRAFT", "PROPOSED"] }), listVersions()]);
  return { active: active ? toView(active) : null, open: open ? toView(open) : null, versions };
}

/** The version being drafted or proposed, if any: the editor's subject. */
export async function getOpenStory(): Promise<StoryView | null> {
  const row = await findRow({ statuses: ["DRAFT", "PROPOSED"] });
  return row ? toView(row) : null;
}

export interface StoryComparison {
  story: StoryView;
  activeVersion: number | null;
  versions: number[];
  /** The version compared with, and what differs; null when there is no other version to compare with. */
  against: { version: number; sections: DiffSection[]; changed: number } | null;
}

/**
 * One version, compared with `compareTo` when given (and another existing version), else with the default: the
 * active version, or for the active one the version before it.
 */
export async function getStoryVersion(version: number, compareTo: number | null): Promise<StoryComparison | null> {
  const [row, versions] = await Promise.all([findRow({ version }), listVersions()]);
  if (!row) return null;
  const story = toView(row);
  const numbers = versions.map((each) => each.version);
  const activeVersion = versions.find((each) => each.status === "ACTIVE")?.version ?? null;
  const target = compareTo !== null && compareTo !== version && numbers.includes(compareTo) ? compareTo : defaultComparison(version, activeVersion, numbers);
  const otherRow = target === null ? null : await findRow({ version: target });
  if (!otherRow) return { story, activeVersion, versions: numbers, against: null };
  const sections = diffStories(storyContentSchema.parse(otherRow.content), story.content);
  return { story, activeVersion, versions: numbers, against: { version: otherRow.version, sections, changed: changedSections(sections) } };
}

/** What a rep's home shows of the story in force: its version and the opening of the brand story. */
export async function getActiveStoryTeaser(): Promise<{ version: number; teaser: string; personas: number } | null> {
  const row = await db().story.findFirst({ where: { status: "ACTIVE" }, select: { version: true, content: true } });
  if (!row) return null;
  const content = storyContentSchema.parse(row.content);
  return { version: row.version, teaser: teaserOf(content.brand), personas: content.personas.length };
}
