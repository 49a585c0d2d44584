import { handleFormPost, handleFormPreflight } from "@/lib/web-forms/http";

type Context = { params: Promise<{ token: string }> };

/**
 * A campaign's public web form: a lead posted from the company's own website (a plain HTML form or a script). Public
 * on purpose: the form token names the form, the form's origins decide who may post, and each client address is
 * limited (lib/web-forms/http.ts).
 */
export async function POST(request: Request, context: Context) {
  return handleFormPost(request, (await context.params).token);
}

/** The CORS preflight of a script's JSON post. */
export async function OPTIONS(request: Request, context: Context) {
  return handleFormPreflight(request, (await context.params).token);
}
