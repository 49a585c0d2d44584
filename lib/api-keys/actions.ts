"use server";
import { runAction } from "../actions/pipeline";
import { createApiKeySchema, revokeApiKeySchema } from "./schemas";
import { createApiKey, revokeApiKey } from "./service";

const PAGES = ["/admin/api-keys"];

/** Returns the new key once; the page shows it with a copy button and it is never shown again. */
export async function createApiKeyAction(input: unknown) {
  return runAction({ permission: "apikey:manage", schema: createApiKeySchema, input, revalidate: PAGES, run: (user, data) => createApiKey(user, data.name) });
}

export async function revokeApiKeyAction(input: unknown) {
  return runAction({ permission: "apikey:manage", schema: revokeApiKeySchema, input, revalidate: PAGES, run: (user, data) => revokeApiKey(user, data.id) });
}
