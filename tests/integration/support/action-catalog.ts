// Every server action and route handler the security tests know, found on disk and described here: the permission each
// one must check, a valid example input (so fuzzing can break one field at a time) and the protected fields it may
// legitimately take. An action or a route added later without an entry here fails tests/integration/security-coverage.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { DEFAULT_RULES } from "@/lib/agreement/defaults";
import type { Permission } from "@/lib/auth/permissions";
import type { Role } from "@/lib/db/enums";

export const root = path.resolve(import.meta.dirname, "../../..");

function sourceFiles(folder: string): string[] {
  return readdirSync(path.join(root, folder), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.tsx?$/.test(entry.name))
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)).split(path.sep).join("/"))
    .sort();
}

/** Every module that declares server actions ("use server" at the top), wherever it lives. */
export const ACTION_FILES = ["lib", "app", "components"].flatMap((folder) =>
  sourceFiles(folder).filter((file) => /^\s*(\/\/[^\n]*\n\s*)*["']use server["']/.test(readFileSync(path.join(root, file), "utf8"))),
);

/** Every route handler under app/. */
export const ROUTE_FILES = sourceFiles("app").filter((file) => /\/route\.tsx?$/.test(file));

/** Every page under app/. */
export const PAGE_FILES = sourceFiles("app").filter((file) => /\/page\.tsx?$/.test(file));

export type ActionFn = (...args: unknown[]) => Promise<unknown>;
export interface DiscoveredAction {
  /** "lib/leads/actions.ts#createLeadAction" */
  key: string;
  name: string;
  action: ActionFn;
}

/** Every exported function of every "use server" module: each one is a public POST endpoint. */
export async function discoverActions(): Promise<DiscoveredAction[]> {
  const found: DiscoveredAction[] = [];
  for (const file of ACTION_FILES) {
    const exported = (await import(/* @vite-ignore */ path.join(root, file))) as Record<string, unknown>;
    for (const [name, value] of Object.entries(exported)) {
      if (typeof value === "function") found.push({ key: `${file}#${name}`, name, action: value as ActionFn });
    }
  }
  return found;
}

/**
 * The permission table as it is meant to be, role by role, written out here so that a change to lib/auth/permissions.ts
 * is a deliberate change to this file too; the coverage test compares it with the table and with what the server does.
 */
const SALES: Role[] = ["SALES_REP", "SALES_MANAGER"];
const MARKETING: Role[] = ["MARKETER", "MARKETING_MANAGER"];
const REVENUE: Role[] = [...SALES, ...MARKETING, "CRO"];
const EVERYONE: Role[] = [...REVENUE, "ADMIN"];
const HEADS: Role[] = ["SALES_MANAGER", "MARKETING_MANAGER"];
export const EXPECTED_PERMISSIONS: Record<Permission, Role[]> = {
  "lead:read": REVENUE,
  "lead:create": [...SALES, ...MARKETING],
  "lead:import": MARKETING,
  "lead:edit": [...SALES, ...MARKETING],
  "lead:move": [...SALES, ...MARKETING],
  "touch:log": [...SALES, ...MARKETING],
  "agreement:read": EVERYONE,
  "agreement:draft": [...HEADS, "CRO"],
  "agreement:sign": HEADS,
  "agreement:activate": ["CRO"],
  "handover:read": REVENUE,
  "handover:respond": ["SALES_REP"],
  "handover:dispute": MARKETING,
  "handover:manage": ["SALES_MANAGER"],
  "metrics:revenue": [...HEADS, "CRO"],
  "metrics:marketing": [...MARKETING, "CRO"],
  "campaign:read": REVENUE,
  "campaign:manage": MARKETING,
  "campaign:rate": ["SALES_REP"],
  "pulse:answer": ["SALES_REP"],
  "pulse:read": ["MARKETING_MANAGER", "CRO"],
  "request:read": REVENUE,
  "request:create": ["SALES_REP"],
  "request:work": MARKETING,
  "story:read": EVERYONE,
  "story:draft": [...HEADS, "CRO"],
  "story:sign": HEADS,
  "story:activate": ["CRO"],
  "goal:read": EVERYONE,
  "goal:draft": [...HEADS, "CRO"],
  "goal:sign": [...HEADS, "CRO"],
  "apikey:manage": ["ADMIN"],
  "api:docs": [...MARKETING, "CRO", "ADMIN"],
  "user:manage": ["ADMIN"],
  "message:read": EVERYONE,
  "message:post": EVERYONE,
  "inbox:read": EVERYONE,
  "audit:read": ["ADMIN"],
};

export interface ActionEntry {
  permission: Permission;
  /** A valid input (the schema accepts it; ids need not exist). Fuzzing breaks it one field at a time. */
  example: Record<string, unknown>;
  /** Protected-sounding fields this action legitimately takes (a version for optimistic locking, a role to change). */
  takes?: string[];
}

const future = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
const lead = { name: "Ada Lovelace", email: "ada@analytical.test", title: "Head of Operations", company: "Analytical Engines Ltd", companySize: "250", industry: "Software", country: "GB", source: "WEBINAR" };
const campaign = { name: "Q1 webinar", channel: "WEBINAR", startsAt: "2027-01-10", endsAt: "2027-02-10", budget: "7500", ownerId: "user-1", goal: "Fill the pipeline", targetMqls: "40" };
const goal = { title: "Q1 pipeline", metric: "SQLS", target: "40", periodStart: "2027-01-01", periodEnd: "2027-03-31" };
const story = { brand: "We make revenue teams one team.", product: "Tandem is one workspace.", personas: [{ name: "CRO", messages: "One set of numbers" }] };
const definitionRef = { id: "definition-1", revision: 1 };
const storyRef = { id: "story-1", revision: 1 };
const goalRef = { id: "goal-1", version: 1 };
const requestRef = { id: "request-1", version: 1 };
/** A record named by its id and the revision or version the caller saw (optimistic locking). */
const REF = ["id", "revision"];
const VERSIONED = ["id", "version"];

export const ACTION_CATALOG: Record<string, ActionEntry> = {
  "lib/agreement/actions.ts#draftDefinitionAction": { permission: "agreement:draft", example: {} },
  "lib/agreement/actions.ts#updateDefinitionAction": { permission: "agreement:draft", example: { ...definitionRef, rules: DEFAULT_RULES }, takes: REF },
  "lib/agreement/actions.ts#proposeDefinitionAction": { permission: "agreement:draft", example: definitionRef, takes: REF },
  "lib/agreement/actions.ts#withdrawDefinitionAction": { permission: "agreement:draft", example: definitionRef, takes: REF },
  "lib/agreement/actions.ts#signDefinitionAction": { permission: "agreement:sign", example: definitionRef, takes: REF },
  "lib/agreement/actions.ts#activateDefinitionAction": { permission: "agreement:activate", example: definitionRef, takes: REF },
  "lib/api-keys/actions.ts#createApiKeyAction": { permission: "apikey:manage", example: { name: "Website form" } },
  "lib/api-keys/actions.ts#revokeApiKeyAction": { permission: "apikey:manage", example: { id: "key-1" }, takes: ["id"] },
  "lib/campaigns/actions.ts#createCampaignAction": { permission: "campaign:manage", example: { ...campaign, requestId: "0f8f7a36-62a4-4b53-9a53-1b1c5e1e2d3f" }, takes: ["ownerId"] },
  "lib/campaigns/actions.ts#updateCampaignAction": { permission: "campaign:manage", example: { ...campaign, id: "campaign-1", version: 1 }, takes: ["ownerId", ...VERSIONED] },
  "lib/campaigns/actions.ts#rateCampaignAction": { permission: "campaign:rate", example: { campaignId: "campaign-1", rating: "4", comment: "Good leads" }, takes: ["version"] },
  "lib/campaigns/actions.ts#shareResultsCardAction": { permission: "campaign:manage", example: { campaignId: "campaign-1", clientKey: "share-key-1" } },
  "lib/goals/actions.ts#createGoalAction": { permission: "goal:draft", example: { ...goal, requestKey: "goal-key-0001" } },
  "lib/goals/actions.ts#updateGoalAction": { permission: "goal:draft", example: { ...goal, ...goalRef }, takes: VERSIONED },
  "lib/goals/actions.ts#proposeGoalAction": { permission: "goal:draft", example: goalRef, takes: VERSIONED },
  "lib/goals/actions.ts#archiveGoalAction": { permission: "goal:draft", example: goalRef, takes: VERSIONED },
  "lib/goals/actions.ts#signGoalAction": { permission: "goal:sign", example: goalRef, takes: VERSIONED },
  "lib/goals/actions.ts#withdrawSignatureAction": { permission: "goal:sign", example: goalRef, takes: VERSIONED },
  "lib/handovers/actions.ts#acceptHandoverAction": { permission: "handover:respond", example: { handoverId: "handover-1", leadVersion: 1 } },
  "lib/handovers/actions.ts#rejectHandoverAction": { permission: "handover:respond", example: { handoverId: "handover-1", leadVersion: 1, reasonCode: "no_budget", note: "No budget this year" } },
  "lib/handovers/actions.ts#disputeRejectionAction": { permission: "handover:dispute", example: { handoverId: "handover-1", note: "They have budget" } },
  "lib/handovers/actions.ts#resolveDisputeAction": { permission: "handover:manage", example: { handoverId: "handover-1", decision: "REASSIGN", toRepId: "user-2" } },
  "lib/handovers/actions.ts#reassignHandoverAction": { permission: "handover:manage", example: { handoverId: "handover-1", leadVersion: 1, toRepId: "user-2" } },
  "lib/imports/actions.ts#setImportMappingAction": { permission: "lead:import", example: { importId: "import-1", mapping: { columns: { name: 0, email: 1, company: 2 }, defaultSource: "WEBINAR" } } },
  "lib/imports/actions.ts#finishImportAction": { permission: "lead:import", example: { importId: "import-1", choice: "valid" } },
  "lib/imports/actions.ts#resumeImportAction": { permission: "lead:import", example: { importId: "import-1" } },
  "lib/leads/actions.ts#createLeadAction": { permission: "lead:create", example: lead },
  "lib/leads/actions.ts#updateLeadAction": { permission: "lead:edit", example: { name: lead.name, title: lead.title, company: lead.company, companySize: lead.companySize, industry: lead.industry, country: lead.country, id: "lead-1", version: 1 }, takes: VERSIONED },
  "lib/leads/actions.ts#moveLeadStageAction": { permission: "lead:move", example: { leadId: "lead-1", version: 1, to: "OPPORTUNITY", reason: "Budget approved", amount: "12000", expectedCloseDate: future(30) }, takes: ["version"] },
  "lib/leads/actions.ts#resubmitLeadAction": { permission: "lead:move", example: { leadId: "lead-1", version: 1 }, takes: ["version"] },
  "lib/messaging/actions.ts#postMessageAction": { permission: "message:post", example: { subjectType: "TEAM", subjectId: "team", body: "Hello @team", clientKey: "message-key-1" } },
  "lib/messaging/actions.ts#editMessageAction": { permission: "message:post", example: { messageId: "message-1", version: 1, body: "Edited" }, takes: ["version"] },
  "lib/messaging/actions.ts#deleteMessageAction": { permission: "message:post", example: { messageId: "message-1", version: 1 }, takes: ["version"] },
  "lib/messaging/actions.ts#markNotificationReadAction": { permission: "inbox:read", example: { notificationId: "notification-1" } },
  "lib/messaging/actions.ts#markAllNotificationsReadAction": { permission: "inbox:read", example: {} },
  "lib/pulse/actions.ts#answerPulseAction": { permission: "pulse:answer", example: { usefulness: "4", support: "3", comment: "Better this month", version: null }, takes: ["version"] },
  "lib/requests/actions.ts#createRequestAction": { permission: "request:create", example: { kind: "CONTENT", title: "A case study", details: "A case study for fintech buyers", accounts: "Acme", dueDate: future(14), clientKey: "request-key-1" } },
  "lib/requests/actions.ts#cancelRequestAction": { permission: "request:create", example: requestRef, takes: VERSIONED },
  "lib/requests/actions.ts#takeRequestAction": { permission: "request:work", example: requestRef, takes: VERSIONED },
  "lib/requests/actions.ts#releaseRequestAction": { permission: "request:work", example: requestRef, takes: VERSIONED },
  "lib/requests/actions.ts#deliverRequestAction": { permission: "request:work", example: { ...requestRef, deliveryUrl: "https://example.test/case-study" }, takes: VERSIONED },
  "lib/story/actions.ts#draftStoryAction": { permission: "story:draft", example: {} },
  "lib/story/actions.ts#updateStoryAction": { permission: "story:draft", example: { ...storyRef, content: story }, takes: REF },
  "lib/story/actions.ts#proposeStoryAction": { permission: "story:draft", example: storyRef, takes: REF },
  "lib/story/actions.ts#withdrawStoryAction": { permission: "story:draft", example: storyRef, takes: REF },
  "lib/story/actions.ts#signStoryAction": { permission: "story:sign", example: storyRef, takes: REF },
  "lib/story/actions.ts#activateStoryAction": { permission: "story:activate", example: storyRef, takes: REF },
  "lib/touches/actions.ts#logTouchAction": { permission: "touch:log", example: { leadId: "lead-1", kind: "CALL", note: "Left a voicemail" } },
  "lib/web-forms/actions.ts#saveWebFormAction": { permission: "campaign:manage", example: { campaignId: "campaign-1", enabled: "true", origins: "https://www.example.com", thankYouUrl: "", version: "1" }, takes: ["version"] },
  "lib/web-forms/actions.ts#rotateWebFormTokenAction": { permission: "campaign:manage", example: { campaignId: "campaign-1", version: 1 }, takes: ["version"] },
  "lib/users/actions.ts#createUserAction": { permission: "user:manage", example: { name: "New Rep", email: "new.rep@example.test", role: "SALES_REP", password: "a long enough password" }, takes: ["role"] },
  "lib/users/actions.ts#changeRoleAction": { permission: "user:manage", example: { userId: "user-1", version: 1, role: "MARKETER" }, takes: ["userId", "role", "version"] },
  "lib/users/actions.ts#setUserActiveAction": { permission: "user:manage", example: { userId: "user-1", version: 1, active: false }, takes: ["userId", "active", "version"] },
};

export type RouteAccess =
  | { kind: "public"; why: string }
  | { kind: "api-key" }
  | { kind: "session"; permission: Permission };

/** Every route handler, by file and method, with who may call it. */
export const ROUTE_CATALOG: Record<string, RouteAccess> = {
  "app/api/auth/[...nextauth]/route.ts GET": { kind: "public", why: "sign-in itself" },
  "app/api/auth/[...nextauth]/route.ts POST": { kind: "public", why: "sign-in itself" },
  "app/api/health/route.ts GET": { kind: "public", why: "health check: one SELECT 1, reveals nothing" },
  "app/api/v1/openapi.json/route.ts GET": { kind: "public", why: "the API's description; its endpoints need a key" },
  "app/api/v1/leads/route.ts GET": { kind: "api-key" },
  "app/api/v1/leads/route.ts POST": { kind: "api-key" },
  "app/api/v1/leads/[id]/route.ts GET": { kind: "api-key" },
  "app/api/v1/leads/batch/route.ts POST": { kind: "api-key" },
  "app/api/v1/forms/[token]/route.ts POST": { kind: "public", why: "a campaign's public web form: the token names the form; listed origins only, a honeypot, a per-address limit" },
  "app/api/imports/route.ts POST": { kind: "session", permission: "lead:import" },
  "app/api/imports/[id]/route.ts GET": { kind: "session", permission: "lead:import" },
  "app/api/leads/export/route.ts GET": { kind: "session", permission: "lead:read" },
  "app/api/mentions/route.ts GET": { kind: "session", permission: "message:post" },
  "app/api/inbox/unread/route.ts GET": { kind: "session", permission: "inbox:read" },
  "app/api/threads/[subjectType]/[subjectId]/messages/route.ts GET": { kind: "session", permission: "message:read" },
};

/** Every page, with the permission it requires before it shows anything (null: any signed-in user, or public). */
export const PAGE_CATALOG: Record<string, Permission | "signed-in" | "public"> = {
  "app/(auth)/sign-in/page.tsx": "public",
  "app/(workspace)/page.tsx": "signed-in",
  "app/(workspace)/forbidden/page.tsx": "public",
  "app/(workspace)/developers/page.tsx": "api:docs",
  "app/(workspace)/handovers/page.tsx": "handover:read",
  "app/(workspace)/admin/users/page.tsx": "user:manage",
  "app/(workspace)/admin/audit/page.tsx": "audit:read",
  "app/(workspace)/admin/api-keys/page.tsx": "apikey:manage",
  "app/(workspace)/goals/new/page.tsx": "goal:draft",
  "app/(workspace)/goals/[id]/edit/page.tsx": "goal:draft",
  "app/(workspace)/goals/[id]/page.tsx": "goal:read",
  "app/(workspace)/goals/page.tsx": "goal:read",
  "app/(workspace)/story/edit/page.tsx": "story:draft",
  "app/(workspace)/story/page.tsx": "story:read",
  "app/(workspace)/story/versions/[version]/page.tsx": "story:read",
  "app/(workspace)/agreement/page.tsx": "agreement:read",
  "app/(workspace)/agreement/versions/[version]/edit/page.tsx": "agreement:draft",
  "app/(workspace)/agreement/versions/[version]/page.tsx": "agreement:read",
  "app/(workspace)/queue/page.tsx": "handover:respond",
  "app/(workspace)/leads/new/page.tsx": "lead:create",
  "app/(workspace)/leads/import/page.tsx": "lead:import",
  "app/(workspace)/leads/import/[id]/page.tsx": "lead:import",
  "app/(workspace)/leads/[id]/page.tsx": "lead:read",
  "app/(workspace)/leads/page.tsx": "lead:read",
  "app/(workspace)/pipeline-review/page.tsx": "metrics:marketing",
  "app/(workspace)/pulse/page.tsx": "pulse:read",
  "app/(workspace)/requests/new/page.tsx": "request:create",
  "app/(workspace)/requests/[id]/page.tsx": "request:read",
  "app/(workspace)/requests/page.tsx": "request:read",
  "app/(workspace)/messages/page.tsx": "message:read",
  "app/(workspace)/inbox/page.tsx": "inbox:read",
  "app/(workspace)/dashboard/page.tsx": "metrics:revenue",
  "app/(workspace)/campaigns/new/page.tsx": "campaign:manage",
  "app/(workspace)/campaigns/[id]/edit/page.tsx": "campaign:manage",
  "app/(workspace)/campaigns/[id]/page.tsx": "campaign:read",
  "app/(workspace)/campaigns/page.tsx": "campaign:read",
};
