// The demo workspace's people: the sign-in accounts plus colleagues, with joining and leaving dates so that the
// history shows a living team (reps hired mid-year, two who left and were deactivated).
import type { Faker } from "@faker-js/faker";
import type { Role } from "../db/enums";
import { addDays } from "./calendar";
import { DEMO_SIGN_INS } from "./demo-users";
import { emailPart } from "./email";
import type { SeededRandom } from "./random";

export interface TeamMember {
  id: string;
  email: string;
  name: string;
  role: Role;
  active: boolean;
  /** When they joined the workspace. */
  activeFrom: Date;
  /** When an admin deactivated them; null while they are still active. */
  activeUntil: Date | null;
}

const HEADCOUNT: Record<Role, number> = {
  SALES_REP: 18,
  SALES_MANAGER: 2,
  MARKETER: 12,
  MARKETING_MANAGER: 2,
  CRO: 1,
  ADMIN: 2,
};
/** Reps who left during the period: their past work stays attributed to them. */
const LEAVERS: Partial<Record<Role, number>> = { SALES_REP: 2 };
const LATE_HIRES: Partial<Record<Role, number>> = { SALES_REP: 3, MARKETER: 2 };

interface TeamWindow {
  /** The workspace went live; everyone on the founding team joined within two weeks of it. */
  foundedAt: Date;
  /** The first lead of the demo history. */
  historyStartsAt: Date;
  now: Date;
}

export function buildTeam(faker: Faker, random: SeededRandom, window: TeamWindow): TeamMember[] {
  const members: TeamMember[] = [];
  const emails = new Set<string>(DEMO_SIGN_INS.map((signIn) => signIn.email));
  const nextId = () => `seed_user_${String(members.length + 1).padStart(3, "0")}`;

  for (const signIn of DEMO_SIGN_INS) {
    members.push({ id: nextId(), ...signIn, active: true, activeFrom: window.foundedAt, activeUntil: null });
  }
  for (const role of Object.keys(HEADCOUNT) as Role[]) {
    const extras = HEADCOUNT[role] - DEMO_SIGN_INS.filter((signIn) => signIn.role === role).length;
    const leavers = LEAVERS[role] ?? 0;
    const lateHires = LATE_HIRES[role] ?? 0;
    for (let index = 0; index < extras; index += 1) {
      const { name, email } = uniquePerson(faker, emails);
      const tenure =
        index < leavers
          ? leaverTenure(random, window)
          : index < leavers + lateHires
            ? lateHireTenure(random, window)
            : foundingTenure(random, window);
      members.push({ id: nextId(), email, name, role, active: tenure.activeUntil === null, ...tenure });
    }
  }
  return members;
}

function uniquePerson(faker: Faker, taken: Set<string>): { name: string; email: string } {
  for (;;) {
    const first = faker.person.firstName();
    const last = faker.person.lastName();
    const email = `${emailPart(first)}.${emailPart(last)}@tandem.test`;
    if (taken.has(email)) continue;
    taken.add(email);
    return { name: `${first} ${last}`, email };
  }
}

type Tenure = Pick<TeamMember, "activeFrom" | "activeUntil">;

function foundingTenure(random: SeededRandom, window: TeamWindow): Tenure {
  return { activeFrom: addDays(window.foundedAt, random.between(0, 14)), activeUntil: null };
}

function leaverTenure(random: SeededRandom, window: TeamWindow): Tenure {
  const historyDays = daysBetween(window.historyStartsAt, window.now);
  return {
    activeFrom: addDays(window.foundedAt, random.between(0, 14)),
    activeUntil: addDays(window.historyStartsAt, random.between(0.25, 0.85) * historyDays),
  };
}

function lateHireTenure(random: SeededRandom, window: TeamWindow): Tenure {
  const historyDays = daysBetween(window.historyStartsAt, window.now);
  return { activeFrom: addDays(window.historyStartsAt, random.between(0.15, 0.8) * historyDays), activeUntil: null };
}

function daysBetween(from: Date, to: Date): number {
  return (to.getTime() - from.getTime()) / 86_400_000;
}

/** Who could do something at a given moment: only people who had joined and not yet left. */
export class Roster {
  constructor(readonly members: readonly TeamMember[]) {}

  isActiveAt(memberId: string, at: Date): boolean {
    const member = this.members.find((candidate) => candidate.id === memberId);
    return member !== undefined && isActiveAt(member, at);
  }

  /** A demo sign-in, whom the data makes sure has something to see. */
  byEmail(email: string): TeamMember {
    const member = this.members.find((candidate) => candidate.email === email);
    if (!member) throw new Error(`The demo team has no ${email}.`);
    return member;
  }

  pickActive(random: SeededRandom, role: Role, at: Date): TeamMember {
    const candidates = this.members.filter((member) => member.role === role && isActiveAt(member, at));
    if (candidates.length === 0) throw new Error(`No active ${role} on ${at.toISOString()} in the demo team.`);
    return random.pick(candidates);
  }
}

export function isActiveAt(member: TeamMember, at: Date): boolean {
  return member.activeFrom <= at && (member.activeUntil === null || at < member.activeUntil);
}
