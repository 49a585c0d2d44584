"use server";
import { runAction } from "../actions/pipeline";
import { pulseAnswerSchema } from "./schemas";
import { answerPulse } from "./service";

export async function answerPulseAction(input: unknown) {
  return runAction({
    permission: "pulse:answer",
    schema: pulseAnswerSchema,
    input,
    revalidate: ["/queue", "/pulse"],
    run: (user, data) => answerPulse(user, data),
  });
}
