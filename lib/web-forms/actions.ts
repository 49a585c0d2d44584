"use server";
import { runAction } from "../actions/pipeline";
import { rotateTokenSchema, webFormSettingsSchema } from "./schemas";
import { rotateWebFormToken, saveWebForm } from "./service";

/** The campaign page shows the form; the campaign's marketer or the marketing manager changes it (the service checks). */
const PAGES = ["/campaigns"];

/** Turns the form on or off and sets its origins and thank-you page (creating it, with a token, the first time). */
export async function saveWebFormAction(input: unknown) {
  return runAction({ permission: "campaign:manage", schema: webFormSettingsSchema, input, revalidate: PAGES, run: (user, data) => saveWebForm(user, data) });
}

/** Replaces the token: the old one stops working at once. */
export async function rotateWebFormTokenAction(input: unknown) {
  return runAction({ permission: "campaign:manage", schema: rotateTokenSchema, input, revalidate: PAGES, run: (user, data) => rotateWebFormToken(user, data) });
}
