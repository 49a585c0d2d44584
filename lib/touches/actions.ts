"use server";
import { runAction } from "../actions/pipeline";
import { logTouchSchema } from "./schemas";
import { logTouch } from "./service";

export async function logTouchAction(input: unknown) {
  return runAction({ permission: "touch:log", schema: logTouchSchema, input, revalidate: ["/leads", "/queue"], run: (user, data) => logTouch(user, data) });
}
