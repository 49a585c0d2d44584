"use server";
import { z } from "zod";
import { runAction } from "../actions/pipeline";
import { campaignInputSchema, campaignUpdateSchema, feedbackInputSchema, shareResultsSchema } from "./schemas";
import { createCampaign, rateCampaign, updateCampaign } from "./service";
import { shareResultsCard } from "./share";

/** The form's one-time id for this creation (see createCampaign), sent with the fields. */
const createSchema = campaignInputSchema.and(z.object({ requestId: z.uuid({ error: "Reload the page and try again" }) }));

const CAMPAIGN_PAGES = ["/campaigns", "/pipeline-review", "/dashboard", "/leads/new"];

export async function createCampaignAction(input: unknown) {
  return runAction({ permission: "campaign:manage", schema: createSchema, input, revalidate: CAMPAIGN_PAGES, run: (user, data) => createCampaign(user, data) });
}

export async function updateCampaignAction(input: unknown) {
  return runAction({
    permission: "campaign:manage",
    schema: campaignUpdateSchema,
    input,
    revalidate: CAMPAIGN_PAGES,
    run: async (user, data) => {
      const result = await updateCampaign(user, data);
      return { id: data.id, ...result };
    },
  });
}

export async function rateCampaignAction(input: unknown) {
  return runAction({ permission: "campaign:rate", schema: feedbackInputSchema, input, revalidate: ["/campaigns", "/pipeline-review"], run: (user, data) => rateCampaign(user, data) });
}

/** Posts the campaign's results card (computed on the server) to the team channel; a repeated key posts nothing new. */
export async function shareResultsCardAction(input: unknown) {
  return runAction({ permission: "campaign:manage", schema: shareResultsSchema, input, revalidate: ["/messages"], run: (user, data) => shareResultsCard(user, data) });
}
