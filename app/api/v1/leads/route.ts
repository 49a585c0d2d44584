import { handleApiRequest } from "@/lib/intake/http";
import { submitLead } from "@/lib/intake/service";
import { findLead } from "@/lib/intake/lookup";

/** One lead as JSON. */
export async function POST(request: Request) {
  return handleApiRequest(request, async ({ caller, idempotencyKey, readJson }) => {
    const read = await readJson();
    return read.ok ? submitLead(caller, read.body, idempotencyKey) : read.reply;
  });
}

/** The lead with `?email=`. */
export async function GET(request: Request) {
  return handleApiRequest(request, async () => findLead({ email: new URL(request.url).searchParams.get("email") }));
}
