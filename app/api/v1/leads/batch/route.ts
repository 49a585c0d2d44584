import { handleApiRequest } from "@/lib/intake/http";
import { submitBatch } from "@/lib/intake/service";

/** Up to 1,000 leads as `{ "leads": [...], "partial": false }`. */
export async function POST(request: Request) {
  return handleApiRequest(request, async ({ caller, idempotencyKey, readJson }) => {
    const read = await readJson();
    return read.ok ? submitBatch(caller, read.body, idempotencyKey) : read.reply;
  });
}
