import { apiUser } from "@/lib/messaging/http";
import { leadListQuerySchema } from "@/lib/leads/schemas";
import { LEAD_EXPORT_COLUMNS, leadExportPages } from "@/lib/leads/queries";
import { csvCell, toCsv } from "@/lib/metrics/csv";

/**
 * GET /api/leads/export?<the leads list's filters>: every matching lead as CSV (RFC 4180, UTF-8 with a byte order
 * mark for Excel), streamed a page at a time. Cells that a spreadsheet would run as formulas are escaped (csvCell).
 */
export async function GET(request: Request) {
  const user = await apiUser("lead:read");
  if (user instanceof Response) return user;
  const query = leadListQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const encoder = new TextEncoder();
  const pages = leadExportPages(user, query);
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(`\uFEFF${toCsv([], [...LEAD_EXPORT_COLUMNS])}`));
    },
    async pull(controller) {
      try {
        const next = await pages.next();
        if (next.done) return controller.close();
        const lines = next.value.map((row) => `${LEAD_EXPORT_COLUMNS.map((column) => csvCell(row[column.key])).join(",")}\r\n`);
        controller.enqueue(encoder.encode(lines.join("")));
      } catch (error) {
        console.error("[leads] export failed", error);
        controller.error(error);
      }
    },
    async cancel() {
      await pages.return(undefined);
    },
  });
  const day = new Date().toISOString().slice(0, 10);
  return new Response(stream, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="tandem-leads-${day}.csv"`,
      "Cache-Control": "private, no-store",
    },
  });
}
