// Who may see a thread is who may see its subject. One entry per subject type: adding a subject means adding an
// entry here (and the enum value), nothing else.
import type { Tx } from "../db/client";
import type { Role, ThreadSubject } from "../db/enums";
import { can, type Permission } from "../auth/permissions";
import { TEAM_SUBJECT_ID } from "./rules";

/** A thread's subject as the UI names it and links to it. */
export interface SubjectInfo {
  type: ThreadSubject;
  id: string;
  /** How an inbox line names the place: "the team channel", "Acme's thread". */
  where: string;
  /** The page showing the thread; anchors point at the thread itself. */
  link: string;
}

interface SubjectAccess {
  /** The role-level read permission of the subject itself. */
  permission: Permission;
  /** The subject if it exists (record-level rules, when a subject has them, go in this lookup's `where`). */
  find: (tx: Tx, id: string) => Promise<Omit<SubjectInfo, "type" | "id"> | null>;
}

export const SUBJECT_ACCESS: Record<ThreadSubject, SubjectAccess> = {
  TEAM: {
    permission: "message:read",
    find: async (_tx, id) => (id === TEAM_SUBJECT_ID ? { where: "the team channel", link: "/messages" } : null),
  },
  LEAD: {
    // Everyone who may read leads sees every lead (lib/leads/queries.ts visibleLeads).
    permission: "lead:read",
    find: async (tx, id) => {
      const lead = await tx.lead.findUnique({ where: { id }, select: { name: true } });
      return lead && { where: `the thread on ${lead.name}`, link: `/leads/${id}#thread-lead` };
    },
  },
  HANDOVER: {
    permission: "handover:read",
    // A handover's thread is shown on its lead's page, under the lead's own thread.
    find: async (tx, id) => {
      const handover = await tx.handover.findUnique({ where: { id }, select: { leadId: true, lead: { select: { name: true } } } });
      return handover && { where: `the handover of ${handover.lead.name}`, link: `/leads/${handover.leadId}#thread-handover-${id}` };
    },
  },
  CAMPAIGN: {
    // Everyone who may read campaigns sees every campaign (lib/campaigns/queries.ts visibleCampaigns).
    permission: "campaign:read",
    find: async (tx, id) => {
      const campaign = await tx.campaign.findUnique({ where: { id }, select: { name: true } });
      return campaign && { where: `the campaign ${campaign.name}`, link: `/campaigns/${id}#thread-campaign` };
    },
  },
  GOAL: {
    // Everyone who may read goals sees every goal (the goals list has no record-level rule).
    permission: "goal:read",
    find: async (tx, id) => {
      const goal = await tx.goal.findUnique({ where: { id }, select: { title: true } });
      return goal && { where: `the goal ${goal.title}`, link: `/goals/${id}#thread-goal` };
    },
  },
  STORY: {
    // The subject is one story version, and only a version that has been in force: people comment on the story they
    // tell, and a comment stays with the version it was about. Drafts are discussed by the heads while signing.
    permission: "story:read",
    find: async (tx, id) => {
      const story = await tx.story.findFirst({ where: { id, activatedAt: { not: null } }, select: { version: true } });
      return story && { where: `the story (v${story.version})`, link: `/story/versions/${story.version}#thread-story` };
    },
  },
};

/** Whether a role may read threads on this kind of subject at all (and so may be notified about them). */
export function mayReadSubjectType(role: Role, type: ThreadSubject): boolean {
  return can(role, "message:read") && can(role, SUBJECT_ACCESS[type].permission);
}

/** The subject if it exists and this user may see it; null otherwise, so a refusal and a missing thing look alike. */
export async function findVisibleSubject(tx: Tx, user: { role: Role }, subject: { subjectType: ThreadSubject; subjectId: string }): Promise<SubjectInfo | null> {
  if (!mayReadSubjectType(user.role, subject.subjectType)) return null;
  const found = await SUBJECT_ACCESS[subject.subjectType].find(tx, subject.subjectId);
  return found && { type: subject.subjectType, id: subject.subjectId, ...found };
}
