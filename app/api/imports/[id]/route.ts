import { apiUser, privateJson } from "@/lib/messaging/http";
import { getImportProgress } from "@/lib/imports/queries";

/** An import's progress (counts and state), polled by its page while the job runs. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const user = await apiUser("lead:import");
  if (user instanceof Response) return user;
  const { id } = await params;
  const progress = await getImportProgress(user, id.slice(0, 64));
  if (!progress) return privateJson({ error: "That import does not exist, or it is not yours." }, 404);
  return privateJson(progress);
}
