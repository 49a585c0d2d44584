// Campaign test data: campaigns inserted directly, and leads of a campaign handed to a rep (so the rep may rate it).
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db/client";
import { makeActiveDefinition, makeHandedOverLead, rowCounts } from "./factories";

let sequence = 0;

export async function makeCampaign(ownerId: string, overrides: { startsAt?: Date; name?: string } = {}) {
  sequence += 1;
  const startsAt = overrides.startsAt ?? new Date("2026-09-01T00:00:00Z");
  return db().campaign.create({
    data: {
      name: overrides.name ?? `Campaign ${sequence}`,
      channel: "WEBINAR",
      startsAt,
      endsAt: new Date(startsAt.getTime() + 29 * 86_400_000),
      budget: 5000,
      ownerId,
    },
    select: { id: true, version: true, name: true },
  });
}

/** A lead of the campaign handed over (PENDING) to the rep: what entitles the rep to rate the campaign. */
export async function handCampaignLeadTo(campaignId: string, rep: { id: string }, marketer: { id: string }) {
  const definition = (await db().leadDefinition.findFirst({ where: { status: "ACTIVE" }, select: { version: true } })) ?? (await makeActiveDefinition());
  const handed = await makeHandedOverLead({ owner: marketer, rep, definitionVersion: definition.version });
  await db().lead.update({ where: { id: handed.leadId }, data: { campaignId } });
  return handed;
}

/** Every table's row count, ratings included, to prove a refused call wrote nothing. */
export async function countsWithFeedback() {
  return { ...(await rowCounts()), feedback: await db().feedback.count() };
}

/** A valid campaign form, as the browser sends it (strings), with a fresh one-time request id. */
export function campaignForm(ownerId: string, overrides: Record<string, unknown> = {}) {
  return {
    requestId: randomUUID(),
    name: "Q1 2027 Forecasting Webinar",
    channel: "WEBINAR",
    startsAt: "2027-01-10",
    endsAt: "2027-02-10",
    budget: "7500",
    ownerId,
    goal: "Fill the Q1 pipeline with finance leaders",
    targetMqls: "40",
    ...overrides,
  };
}
