// Whether a rep has worked one of a campaign's leads: sales rates the leads it saw, so a rep may rate a campaign once
// a lead of it was handed to them or they hold one (a lead they logged themselves under the campaign included).
import type { Tx } from "../db/client";

export async function repHasWorkedCampaign(client: Pick<Tx, "lead" | "handover">, repId: string, campaignId: string): Promise<boolean> {
  const [handedOver, held] = await Promise.all([
    client.handover.findFirst({ where: { toUserId: repId, lead: { campaignId } }, select: { id: true } }),
    client.lead.findFirst({ where: { ownerId: repId, campaignId }, select: { id: true } }),
  ]);
  return handedOver !== null || held !== null;
}
