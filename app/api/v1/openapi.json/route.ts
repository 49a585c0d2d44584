import { openApiDocument } from "@/lib/intake/openapi";

/** The intake API's OpenAPI document: public, it describes the API and holds no data. */
export function GET() {
  return Response.json(openApiDocument());
}
