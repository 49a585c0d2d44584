import { z } from "zod";
import { Role } from "../db/enums";
import { emailSchema } from "../auth/schemas";

export const passwordSchema = z
  .string({ error: "Enter a password" })
  .min(12, { error: "Use at least 12 characters" })
  .max(200, { error: "Use at most 200 characters" });

export const createUserSchema = z.object({
  name: z.string().trim().min(1, { error: "Enter the person's name" }).max(120, { error: "Use at most 120 characters" }),
  email: emailSchema,
  role: z.enum(Role, { error: "Choose a role" }),
  password: passwordSchema,
});
export type CreateUserInput = z.output<typeof createUserSchema>;
export type CreateUserValues = z.input<typeof createUserSchema>;

/** `version` is the row version the admin saw: a change made meanwhile by someone else is detected, not overwritten. */
const userRef = { userId: z.string().min(1).max(64), version: z.number().int().min(1) };

export const changeRoleSchema = z.object({ ...userRef, role: z.enum(Role, { error: "Choose a role" }) });
export const setActiveSchema = z.object({ ...userRef, active: z.boolean() });
