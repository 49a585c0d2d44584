// The admin's API key forms, shared by the browser and the server actions.
import { z } from "zod";

export const apiKeyNameSchema = z
  .string({ error: "Enter a name for the key" })
  .trim()
  .min(2, { error: "The name must be at least 2 characters", abort: true })
  .max(60, { error: "The name must be at most 60 characters" })
  .regex(/^[A-Za-z0-9][A-Za-z0-9 ._-]*$/, { error: "Use letters, digits, spaces, dots, dashes and underscores" });

export const createApiKeySchema = z.object({ name: apiKeyNameSchema });
export type CreateApiKeyInput = z.output<typeof createApiKeySchema>;

export const revokeApiKeySchema = z.object({ id: z.string().min(1).max(64) });
