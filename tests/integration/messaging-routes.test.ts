// The route handlers the browser polls: the same session, permission and subject checks as the pages and actions.
import { beforeAll, describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import { GET as threadGet } from "@/app/api/threads/[subjectType]/[subjectId]/messages/route";
import { GET as unreadGet } from "@/app/api/inbox/unread/route";
import { GET as mentionsGet } from "@/app/api/mentions/route";
import { postMessage, editMessage } from "@/lib/messaging/service";
import { signInAs } from "./support/session";
import { makeActiveDefinition, makeLead, makeUser } from "./support/factories";
import { key } from "./support/messaging";

type User = Awaited<ReturnType<typeof makeUser>>;
let rep: User, marketer: User, admin: User, gone: User;
let leadId: string;

const thread = (subjectType: string, subjectId: string, query = "") =>
  threadGet(new NextRequest(`http://localhost/api/threads/${subjectType}/${subjectId}/messages${query}`), { params: Promise.resolve({ subjectType, subjectId }) });
const mentions = (query: string) => mentionsGet(new NextRequest(`http://localhost/api/mentions?${query}`));

beforeAll(async () => {
  await makeActiveDefinition();
  rep = await makeUser("SALES_REP", { email: "sam@tandem.test", name: "Sam Rivera" });
  marketer = await makeUser("MARKETER", { email: "alex@tandem.test", name: "Alex Chen" });
  admin = await makeUser("ADMIN", { email: "casey@tandem.test" });
  gone = await makeUser("SALES_REP", { email: "gone@tandem.test", active: false });
  leadId = (await makeLead(marketer, { companySize: 5 })).id;
});

describe("GET /api/threads/…/messages", () => {
  it("gives the newest page, then what changed since a moment, never cached", async () => {
    const first = await postMessage(marketer, { subjectType: "LEAD", subjectId: leadId, body: "Hello @sam", clientKey: key() });
    signInAs(rep);
    const page = await thread("LEAD", leadId);
    expect(page.status).toBe(200);
    expect(page.headers.get("cache-control")).toBe("private, no-store");
    const body = (await page.json()) as { messages: { id: string }[]; hasOlder: boolean; now: string };
    expect(body).toMatchObject({ messages: [{ id: first.id, body: "Hello @sam" }], hasOlder: false, now: expect.any(String) });

    await editMessage(marketer, { messageId: first.id, version: 1, body: "Hello @sam, edited" });
    const changes = (await (await thread("LEAD", leadId, `?since=${encodeURIComponent(body.now)}`)).json()) as { messages: unknown[] };
    expect(changes.messages).toEqual([expect.objectContaining({ id: first.id, body: "Hello @sam, edited", version: 2 })]);
  });

  it("answers 401 signed out or deactivated, 404 for a subject one may not see or that does not exist, 400 for a bad query", async () => {
    signInAs(null);
    expect((await thread("TEAM", "team")).status).toBe(401);
    signInAs(gone);
    expect((await thread("TEAM", "team")).status).toBe(401);
    signInAs(admin);
    expect((await thread("TEAM", "team")).status).toBe(200);
    const hidden = await thread("LEAD", leadId);
    expect(hidden.status).toBe(404);
    expect(JSON.stringify(await hidden.json())).not.toContain("Hello");
    signInAs(rep);
    expect((await thread("LEAD", "no-such-lead")).status).toBe(404);
    expect((await thread("GOAL", "x")).status).toBe(404);
    expect((await thread("TEAM", "team", "?since=yesterday")).status).toBe(400);
  });
});

describe("GET /api/inbox/unread", () => {
  it("counts the signed-in user's unread notifications only", async () => {
    signInAs(null);
    expect((await unreadGet()).status).toBe(401);
    signInAs(rep);
    const response = await unreadGet();
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ unread: 1 });
    signInAs(marketer);
    expect(await (await unreadGet()).json()).toEqual({ unread: 0 });
  });
});

describe("GET /api/mentions", () => {
  it("completes people who may read the thread, for someone who may see it", async () => {
    signInAs(marketer);
    const team = (await (await mentions("subjectType=TEAM&subjectId=team&q=ca")).json()) as { candidates: { handle: string }[] };
    expect(team.candidates.map((candidate) => candidate.handle)).toEqual(["casey"]);
    const lead = (await (await mentions(`subjectType=LEAD&subjectId=${leadId}&q=`)).json()) as { candidates: { handle: string }[] };
    expect(lead.candidates.map((candidate) => candidate.handle)).toEqual(["alex", "sam"]);
    signInAs(admin);
    expect((await mentions(`subjectType=LEAD&subjectId=${leadId}&q=`)).status).toBe(404);
    expect((await mentions("subjectType=TEAM")).status).toBe(400);
    signInAs(null);
    expect((await mentions("subjectType=TEAM&subjectId=team&q=")).status).toBe(401);
  });
});
