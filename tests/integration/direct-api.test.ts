// The web worker's own answering of the intake routes (lib/runtime/direct-api.ts), over real HTTP as in production:
// the same answers as the route handlers, everything else passed on to Next untouched.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { serveDirect } from "@/lib/runtime/direct-api";
import { resetDatabase } from "./support/db";
import { leadInput, makeActiveDefinition, makeUser } from "./support/factories";
import { makeApiKey } from "./support/intake";

let server: http.Server;
let base: string;
/** What reached the stand-in for Next. */
const passedOn: string[] = [];
let key: string;

beforeAll(async () => {
  server = http.createServer((request, response) => {
    if (serveDirect(request, response)) return;
    passedOn.push(`${request.method} ${request.url}`);
    request.resume();
    response.writeHead(418).end("next");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

beforeEach(async () => {
  await resetDatabase();
  await makeActiveDefinition();
  await makeUser("SALES_REP");
  key = (await makeApiKey()).key;
  passedOn.length = 0;
});

const auth = () => ({ authorization: `Bearer ${key}`, "content-type": "application/json" });

describe("the intake routes answered by the worker", () => {
  it("creates a lead, finds it by email and by id, with the API's own headers", async () => {
    const input = leadInput();
    const created = await fetch(`${base}/api/v1/leads`, { method: "POST", headers: auth(), body: JSON.stringify(input) });
    expect(created.status).toBe(201);
    expect(created.headers.get("content-security-policy")).toBe("default-src 'none'; frame-ancestors 'none'");
    expect(created.headers.get("x-content-type-options")).toBe("nosniff");
    expect(created.headers.get("cache-control")).toBe("no-store");
    expect(created.headers.get("content-type")).toMatch(/^application\/json/);
    expect(Number(created.headers.get("content-length"))).toBeGreaterThan(0);
    const { lead } = (await created.json()) as { lead: { id: string; email: string } };
    expect(await db().lead.count({ where: { email: input.email } })).toBe(1);

    const byEmail = await fetch(`${base}/api/v1/leads?email=${encodeURIComponent(input.email)}`, { headers: auth() });
    expect(byEmail.status).toBe(200);
    expect(((await byEmail.json()) as { id: string }).id).toBe(lead.id);
    const byId = await fetch(`${base}/api/v1/leads/${lead.id}`, { headers: auth() });
    expect(byId.status).toBe(200);
    expect(((await byId.json()) as { email: string }).email).toBe(input.email);
    expect((await fetch(`${base}/api/v1/leads/${encodeURIComponent("no such lead")}`, { headers: auth() })).status).toBe(404);
    expect(passedOn).toEqual([]);
  });

  it("takes a batch, and refuses a bad key, bad JSON and an oversized body like the handlers do", async () => {
    const batch = await fetch(`${base}/api/v1/leads/batch`, { method: "POST", headers: auth(), body: JSON.stringify({ leads: [leadInput(), leadInput()] }) });
    expect(batch.status).toBe(200);
    expect(((await batch.json()) as { summary: { created: number } }).summary.created).toBe(2);

    const unauthorized = await fetch(`${base}/api/v1/leads`, { method: "POST", headers: { "content-type": "application/json" }, body: "{}" });
    expect(unauthorized.status).toBe(401);
    expect(unauthorized.headers.get("www-authenticate")).toMatch(/^Bearer/);
    const broken = await fetch(`${base}/api/v1/leads`, { method: "POST", headers: auth(), body: "{not json" });
    expect(broken.status).toBe(400);
    const tooLarge = await fetch(`${base}/api/v1/leads/batch`, { method: "POST", headers: auth(), body: "x".repeat(4 * 1024 * 1024 + 1) });
    expect(tooLarge.status).toBe(413);
    expect(await db().lead.count()).toBe(2);
  });

  it("refuses a body over the limit sent in chunks without a Content-Length, before it has all arrived", async () => {
    const status = await new Promise<number>((resolve, reject) => {
      const request = http.request(`${base}/api/v1/leads/batch`, { method: "POST", headers: { ...auth(), "transfer-encoding": "chunked" } });
      request.on("response", (response) => {
        response.resume();
        resolve(response.statusCode!);
        request.destroy();
      });
      request.on("error", reject);
      // 5 MB over a 4 MB limit; the answer comes while the rest would still be on its way.
      const chunk = Buffer.alloc(256 * 1024, "x");
      for (let sent = 0; sent < 5 * 1024 * 1024; sent += chunk.length) request.write(chunk);
    });
    expect(status).toBe(413);
    expect(await db().lead.count()).toBe(0);
  });

  it("survives a caller that hangs up halfway through its body", async () => {
    await new Promise<void>((resolve) => {
      const request = http.request(`${base}/api/v1/leads`, { method: "POST", headers: { ...auth(), "content-length": "1000" } });
      request.on("error", () => resolve());
      request.write('{"name":"Half');
      setTimeout(() => {
        request.destroy();
        resolve();
      }, 100);
    });
    const after = await fetch(`${base}/api/v1/leads`, { method: "POST", headers: auth(), body: JSON.stringify(leadInput()) });
    expect(after.status).toBe(201);
    expect(await db().lead.count()).toBe(1);
  });

  it("passes every other request on to Next, body unread", async () => {
    const others: [string, string][] = [
      ["PUT", "/api/v1/leads"],
      ["POST", "/api/v1/leads/"],
      ["GET", "/api/v1/leads/batch"],
      ["POST", "/api/v1/leadsX"],
      ["GET", "/api/v1/leads/a/b"],
      ["GET", "/api/v1/openapi.json"],
      ["POST", "/api/v1/forms/some-token"],
    ];
    for (const [method, path] of others) {
      const response = await fetch(`${base}${path}`, { method, headers: auth(), ...(method !== "GET" && { body: JSON.stringify(leadInput()) }) });
      expect(response.status, `${method} ${path}`).toBe(418);
    }
    expect(passedOn).toEqual(others.map(([method, path]) => `${method} ${path}`));
    expect(await db().lead.count()).toBe(0);
  });
});
