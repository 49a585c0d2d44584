import { handleApiRequest } from "@/lib/intake/http";
import { findLead } from "@/lib/intake/lookup";

/** The lead with this id: its stage, score and owner. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return handleApiRequest(request, async () => findLead({ id }));
}
