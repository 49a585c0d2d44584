import { apiUser } from "@/lib/messaging/http";
import { createImport } from "@/lib/imports/service";
import { MAX_FILE_BYTES } from "@/lib/imports/rules";
import { DomainError } from "@/lib/actions/result";
import { readBodyLimited } from "@/lib/security/body";
import { API_SECURITY_HEADERS } from "@/lib/security/headers";

/** The file and the form around it. */
const MAX_BODY_BYTES = MAX_FILE_BYTES + 64 * 1024;

/**
 * Uploads a CSV of leads (multipart form, field "file"): parsed, its columns matched by header, every row checked,
 * all stored for the import page; no lead is written. Answers { id } (201), or 422 with the reason the file cannot
 * be read. A route handler rather than a server action: files are larger than an action's 1 MB body. The page proxy
 * does not run here (proxy.ts), so that it need not copy 25 MB bodies, nor let every other route send as much: this
 * route reads at most its own limit and sets its own headers.
 */
export async function POST(request: Request) {
  const user = await apiUser("lead:import");
  if (user instanceof Response) return user;
  // Like Next's own check on server actions: a form on another site may not post here with this user's cookie.
  const origin = request.headers.get("origin");
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host") ?? new URL(request.url).host;
  if (origin && URL.canParse(origin) && new URL(origin).host !== host) {
    return uploadReply({ error: "This upload did not come from Tandem." }, 403);
  }
  const bytes = await readBodyLimited(request, MAX_BODY_BYTES);
  if (!bytes) return uploadReply({ error: tooLarge() }, 413);
  let file: FormDataEntryValue | null;
  try {
    file = (await new Response(bytes, { headers: { "content-type": request.headers.get("content-type") ?? "" } }).formData()).get("file");
  } catch {
    return uploadReply({ error: "Choose a CSV file to upload." }, 400);
  }
  if (!(file instanceof File) || file.size === 0) return uploadReply({ error: "Choose a CSV file to upload." }, 422);
  if (file.size > MAX_FILE_BYTES) return uploadReply({ error: tooLarge() }, 413);
  try {
    const created = await createImport(user, { name: file.name, text: await file.text() });
    return uploadReply({ id: created.id }, 201);
  } catch (error) {
    if (error instanceof DomainError) return uploadReply({ error: error.message }, 422);
    console.error("[imports] upload failed", error);
    return uploadReply({ error: "Something went wrong and nothing was saved. Please try again." }, 500);
  }
}

function tooLarge() {
  return `The file is larger than ${MAX_FILE_BYTES / 1024 / 1024} MB; split it into smaller files.`;
}

/** JSON for this user only, with the headers the page proxy would have set (it does not run here). */
function uploadReply(body: unknown, status: number): Response {
  return Response.json(body, { status, headers: { ...API_SECURITY_HEADERS, "Cache-Control": "private, no-store" } });
}
