import { describe, expect, it } from "vitest";
import { readBodyLimited } from "@/lib/security/body";
import { config } from "@/proxy";

/** A body sent in chunks of `chunk` bytes without a Content-Length, counting how many were asked for. */
function streamed(chunk: number, chunks: number) {
  const pulled = { count: 0 };
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (pulled.count === chunks) return controller.close();
      pulled.count += 1;
      controller.enqueue(new Uint8Array(chunk).fill(120));
    },
  });
  return { request: new Request("http://localhost/upload", { method: "POST", body, duplex: "half" } as RequestInit), pulled };
}

describe("readBodyLimited", () => {
  it("gives the whole body when it is within the limit", async () => {
    const { request } = streamed(1_000, 5);
    expect((await readBodyLimited(request, 5_000))?.byteLength).toBe(5_000);
  });

  it("refuses a Content-Length over the limit without reading the body", async () => {
    const request = new Request("http://localhost/upload", { method: "POST", body: "x".repeat(2_000), headers: { "content-length": "2000" } });
    expect(await readBodyLimited(request, 1_000)).toBeNull();
    expect(request.bodyUsed).toBe(false);
  });

  it("stops reading a body sent in chunks as soon as it passes the limit", async () => {
    const { request, pulled } = streamed(1_000, 1_000_000);
    expect(await readBodyLimited(request, 10_000)).toBeNull();
    // Eleven chunks passed the limit; a few more may have been asked for ahead, never the million.
    expect(pulled.count).toBeLessThan(20);
  });
});

describe("the page proxy's matcher", () => {
  const source = new RegExp(`^${config.matcher[0]!.source}$`);

  it("skips the intake API and the CSV upload, whose routes set their own headers and read their own limits", () => {
    for (const path of ["/api/v1/leads", "/api/v1/leads/batch", "/api/v1/leads/cl123", "/api/imports", "/_next/static/chunk.js"]) expect(source.test(path)).toBe(false);
  });

  it("runs for pages and every other route, the import's progress included", () => {
    for (const path of ["/", "/leads", "/leads/import", "/api/imports/cl123", "/api/imports/cl123/rows", "/api/v1/forms/wf_abc", "/api/leads/export"]) expect(source.test(path)).toBe(true);
  });
});
