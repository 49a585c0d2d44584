// Row counts of the tables the pulse, help requests and the story write, with every other table's, to prove that a
// refused call changed nothing.
import { db } from "@/lib/db/client";
import { rowCounts } from "./factories";
import { signInAs } from "./session";

export async function allRowCounts() {
  const [pulseAnswers, helpRequests, stories, storySignatures] = await Promise.all([
    db().pulseAnswer.count(),
    db().helpRequest.count(),
    db().story.count(),
    db().storySignature.count(),
  ]);
  return { ...(await rowCounts()), pulseAnswers, helpRequests, stories, storySignatures };
}

/** Signs in and calls at once. */
export function as<T>(user: { id: string } | null, call: () => Promise<T>): Promise<T> {
  signInAs(user);
  return call();
}
