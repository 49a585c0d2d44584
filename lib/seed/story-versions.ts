// The demo workspace's baseline story: v1, signed when the workspace went live, and v2, which sharpened the product
// story and added a persona three months ago and is in force, so the version page has a real diff to show.
import type { Prisma } from "../db/generated/client";
import type { StoryContent } from "../story/schemas";
import { addDays, HOUR, addMs } from "./calendar";

const V1: StoryContent = {
  brand:
    "Most companies are drowning in data and starving for answers. We exist so that the people who run a business can trust their numbers and act on them the same day.\n\nWe are a small team of data engineers and analysts who spent years building the reports nobody read. We build the platform we wished we had.",
  product:
    "Our data platform connects the systems a company already runs, cleans what comes in, and keeps one model of the business that every report reads from.\n\nTeams stop arguing about whose spreadsheet is right and start asking better questions.",
  personas: [
    { name: "Chief financial officer", messages: "One set of numbers for the board and the teams\nClose the month faster\nFewer tools to pay for" },
    { name: "Head of data", messages: "Pipelines that do not break at 3 a.m.\nA model the business understands\nLess time on ad-hoc requests" },
    { name: "Operations manager", messages: "See today's figures today\nNo more copying between spreadsheets" },
  ],
};

const V2: StoryContent = {
  brand: V1.brand,
  product:
    "Our data platform connects the systems a company already runs in days, not months, cleans what comes in, and keeps one model of the business that every report and every AI assistant reads from.\n\nTeams stop arguing about whose spreadsheet is right and start asking better questions.\n\nCustomers see their first trusted dashboard within two weeks, or we work for free until they do.",
  personas: [
    { name: "Chief financial officer", messages: "One set of numbers for the board and the teams\nClose the month in three days instead of ten\nFewer tools to pay for" },
    { name: "Head of data", messages: "Pipelines that heal themselves when a source changes\nA model the business understands\nLess time on ad-hoc requests" },
    { name: "Operations manager", messages: "See today's figures today\nNo more copying between spreadsheets" },
    { name: "IT and security", messages: "Single sign-on and audit trails from day one\nData stays in your region" },
  ],
};

export interface StoryRows {
  stories: Prisma.StoryCreateManyInput[];
  signatures: Prisma.StorySignatureCreateManyInput[];
}

export function buildStoryVersions(heads: { sales: string; marketing: string }, window: { foundedAt: Date; now: Date }): StoryRows {
  const v1Created = addMs(addDays(window.foundedAt, 3), 9 * HOUR);
  const v1Proposed = addMs(addDays(window.foundedAt, 5), 14 * HOUR);
  const v1Activated = addMs(addDays(window.foundedAt, 7), 10 * HOUR);
  const v2Created = addMs(addDays(window.now, -101), 11 * HOUR);
  const v2Proposed = addMs(addDays(window.now, -97), 16 * HOUR);
  const v2Activated = addMs(addDays(window.now, -95), 9 * HOUR);
  return {
    stories: [
      {
        id: "seed_story_v1",
        version: 1,
        status: "SUPERSEDED",
        content: V1,
        createdById: heads.marketing,
        createdAt: v1Created,
        updatedAt: v2Activated,
        proposedAt: v1Proposed,
        proposedById: heads.marketing,
        activatedAt: v1Activated,
        activatedVia: "SIGNATURES",
        activatedById: heads.sales,
        revision: 1,
      },
      {
        id: "seed_story_v2",
        version: 2,
        status: "ACTIVE",
        content: V2,
        createdById: heads.sales,
        createdAt: v2Created,
        updatedAt: v2Activated,
        proposedAt: v2Proposed,
        proposedById: heads.sales,
        activatedAt: v2Activated,
        activatedVia: "SIGNATURES",
        activatedById: heads.marketing,
        revision: 2,
      },
    ],
    signatures: [
      { id: "seed_story_signature_v1_marketing", storyId: "seed_story_v1", side: "MARKETING", userId: heads.marketing, signedAt: v1Proposed },
      { id: "seed_story_signature_v1_sales", storyId: "seed_story_v1", side: "SALES", userId: heads.sales, signedAt: v1Activated },
      { id: "seed_story_signature_v2_sales", storyId: "seed_story_v2", side: "SALES", userId: heads.sales, signedAt: v2Proposed },
      { id: "seed_story_signature_v2_marketing", storyId: "seed_story_v2", side: "MARKETING", userId: heads.marketing, signedAt: v2Activated },
    ],
  };
}
