import "server-only";
// What the campaign page's web form panel shows: a plain DTO, never the row.
import { db } from "../db/client";

export interface WebFormView {
  token: string;
  enabled: boolean;
  origins: string[];
  thankYouUrl: string | null;
  createdAt: string;
  rotatedAt: string | null;
  version: number;
}

export async function webFormOfCampaign(campaignId: string): Promise<WebFormView | null> {
  const form = await db().webForm.findUnique({
    where: { campaignId },
    select: { token: true, enabled: true, origins: true, thankYouUrl: true, createdAt: true, rotatedAt: true, version: true },
  });
  if (!form) return null;
  return { ...form, createdAt: form.createdAt.toISOString(), rotatedAt: form.rotatedAt?.toISOString() ?? null };
}
