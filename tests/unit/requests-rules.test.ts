import { describe, expect, it } from "vitest";
import { HelpRequestStatus, Role } from "@/lib/db/enums";
import {
  alreadyDone,
  availableActions,
  dayOf,
  isDeliveryUrl,
  isOverdue,
  isPastDay,
  MAX_ACCOUNTS,
  parseAccounts,
  parseDay,
  refusal,
  TRANSITIONS,
  type RequestAction,
  type RequestState,
} from "@/lib/requests/rules";
import { createRequestSchema, deliverRequestSchema } from "@/lib/requests/schemas";

const ROLES = Object.values(Role);
const STATUSES = Object.values(HelpRequestStatus);
const ACTIONS = Object.keys(TRANSITIONS) as RequestAction[];
/** How the person stands to the request: the rep who asked, the marketer working on it, or anyone else. */
const RELATIONS = ["requester", "assignee", "other"] as const;

function stateFor(status: HelpRequestStatus, relation: (typeof RELATIONS)[number]): RequestState {
  const assigned = status === "IN_PROGRESS" || status === "DELIVERED";
  return {
    status,
    requesterId: relation === "requester" ? "me" : "rep-1",
    assigneeId: assigned ? (relation === "assignee" ? "me" : "marketer-1") : null,
  };
}

/** The intended table, written independently of the implementation. */
function expectedAllowed(action: RequestAction, role: Role, status: HelpRequestStatus, relation: (typeof RELATIONS)[number]): boolean {
  const marketing = role === "MARKETER" || role === "MARKETING_MANAGER";
  const isAssignee = relation === "assignee" && (status === "IN_PROGRESS" || status === "DELIVERED");
  switch (action) {
    case "take":
      return marketing && status === "OPEN";
    case "release":
      return marketing && status === "IN_PROGRESS" && (isAssignee || role === "MARKETING_MANAGER");
    case "deliver":
      return marketing && status === "IN_PROGRESS" && isAssignee;
    case "cancel":
      return relation === "requester" && (status === "OPEN" || status === "IN_PROGRESS");
  }
}

describe("the request state machine", () => {
  const cases = ACTIONS.flatMap((action) => ROLES.flatMap((role) => STATUSES.flatMap((status) => RELATIONS.map((relation) => [action, role, status, relation] as const))));

  it.each(cases)("%s by %s on a %s request (as %s)", (action, role, status, relation) => {
    const result = refusal(stateFor(status, relation), { id: "me", role }, action);
    if (expectedAllowed(action, role, status, relation)) expect(result).toBeNull();
    else expect(result).toEqual(expect.any(String));
  });

  it("moves each action to its one target state", () => {
    expect(Object.fromEntries(ACTIONS.map((action) => [action, TRANSITIONS[action].to]))).toEqual({
      take: "IN_PROGRESS",
      release: "OPEN",
      deliver: "DELIVERED",
      cancel: "CANCELLED",
    });
  });

  it("ends at delivered or cancelled: nothing leaves them", () => {
    for (const status of ["DELIVERED", "CANCELLED"] as const) {
      for (const role of ROLES) for (const relation of RELATIONS) expect(availableActions(stateFor(status, relation), { id: "me", role })).toEqual([]);
    }
  });

  it("explains refusals in words a person can act on", () => {
    expect(refusal(stateFor("OPEN", "other"), { id: "me", role: "SALES_REP" }, "take")).toBe("Only marketing takes requests.");
    expect(refusal(stateFor("IN_PROGRESS", "other"), { id: "me", role: "MARKETER" }, "deliver")).toMatch(/Take it first/);
    expect(refusal(stateFor("IN_PROGRESS", "other"), { id: "me", role: "MARKETER" }, "take")).toBe("This request is already being worked on; it cannot be taken now.");
    expect(refusal(stateFor("DELIVERED", "requester"), { id: "me", role: "SALES_REP" }, "cancel")).toBe("This request has been delivered; it cannot be cancelled now.");
    expect(refusal(stateFor("OPEN", "other"), { id: "me", role: "SALES_REP" }, "cancel")).toBe("Only the rep who asked can cancel this request.");
  });

  it("offers each person what they may do, in the page's order", () => {
    expect(availableActions(stateFor("OPEN", "other"), { id: "me", role: "MARKETER" })).toEqual(["take"]);
    expect(availableActions(stateFor("IN_PROGRESS", "assignee"), { id: "me", role: "MARKETER" })).toEqual(["deliver", "release"]);
    expect(availableActions(stateFor("IN_PROGRESS", "other"), { id: "me", role: "MARKETING_MANAGER" })).toEqual(["release"]);
    expect(availableActions(stateFor("IN_PROGRESS", "requester"), { id: "me", role: "SALES_REP" })).toEqual(["cancel"]);
    expect(availableActions(stateFor("OPEN", "other"), { id: "me", role: "CRO" })).toEqual([]);
  });
});

describe("alreadyDone (retries succeed without a change)", () => {
  const me = { id: "me", role: "MARKETER" as const };
  it("recognises one's own take, delivery with the same link, and the requester's cancellation", () => {
    expect(alreadyDone({ status: "IN_PROGRESS", requesterId: "r", assigneeId: "me" }, me, "take")).toBe(true);
    expect(alreadyDone({ status: "IN_PROGRESS", requesterId: "r", assigneeId: "other" }, me, "take")).toBe(false);
    expect(alreadyDone({ status: "DELIVERED", requesterId: "r", assigneeId: "me", deliveryUrl: "https://a.test" }, me, "deliver", "https://a.test")).toBe(true);
    expect(alreadyDone({ status: "DELIVERED", requesterId: "r", assigneeId: "me", deliveryUrl: "https://a.test" }, me, "deliver", "https://b.test")).toBe(false);
    expect(alreadyDone({ status: "CANCELLED", requesterId: "me", assigneeId: null }, { id: "me", role: "SALES_REP" }, "cancel")).toBe(true);
    expect(alreadyDone({ status: "CANCELLED", requesterId: "r", assigneeId: null }, { id: "me", role: "SALES_REP" }, "cancel")).toBe(false);
    expect(alreadyDone({ status: "OPEN", requesterId: "r", assigneeId: null }, me, "release")).toBe(false);
  });
});

describe("days", () => {
  const now = new Date("2026-11-22T23:30:00Z");
  it("reads a calendar day and refuses what is not one", () => {
    expect(parseDay("2026-11-22")?.toISOString()).toBe("2026-11-22T00:00:00.000Z");
    expect(parseDay("2024-02-29")).not.toBeNull();
    for (const text of ["2026-02-30", "2026-13-01", "22/11/2026", "", "2026-11-22T10:00"]) expect(parseDay(text)).toBeNull();
  });

  it("allows today and later as a due date, not yesterday", () => {
    expect(dayOf(now)).toBe("2026-11-22");
    expect(isPastDay("2026-11-22", now)).toBe(false);
    expect(isPastDay("2026-12-01", now)).toBe(false);
    expect(isPastDay("2026-11-21", now)).toBe(true);
  });

  it("calls a waiting request overdue once its due day has ended, never a finished one", () => {
    expect(isOverdue({ status: "OPEN", dueDate: "2026-11-21" }, now)).toBe(true);
    expect(isOverdue({ status: "IN_PROGRESS", dueDate: "2026-11-21" }, now)).toBe(true);
    expect(isOverdue({ status: "OPEN", dueDate: "2026-11-22" }, now)).toBe(false);
    expect(isOverdue({ status: "DELIVERED", dueDate: "2026-01-01" }, now)).toBe(false);
    expect(isOverdue({ status: "CANCELLED", dueDate: "2026-01-01" }, now)).toBe(false);
  });
});

describe("parseAccounts", () => {
  it("takes one account per line, trimmed, each once; a comma belongs to the name", () => {
    expect(parseAccounts(" Acme Corp \r\n\nGlobex, Inc.\nacme corp\n  Initech  Ltd ")).toEqual(["Acme Corp", "Globex, Inc.", "Initech Ltd"]);
    expect(parseAccounts("")).toEqual([]);
  });
});

describe("isDeliveryUrl", () => {
  it.each(["https://drive.example.com/deck.pdf", "http://intranet.test/page?x=1"])("accepts %s", (url) => expect(isDeliveryUrl(url)).toBe(true));
  it.each(["javascript:alert(1)", "data:text/html,hi", "ftp://files.test/a", "file:///etc/passwd", "www.example.com", "https://", ""])("refuses %s", (url) =>
    expect(isDeliveryUrl(url)).toBe(false),
  );
});

describe("the request schemas", () => {
  const valid = { kind: "CONTENT", title: "Case study for retail", details: "A one-pager on a retail win.", accounts: "", dueDate: "2999-01-01", clientKey: "key-12345" };

  it("accepts a request and turns the accounts text into a list", () => {
    expect(createRequestSchema.parse({ ...valid, accounts: "Acme\nGlobex" })).toMatchObject({ accounts: ["Acme", "Globex"], title: "Case study for retail" });
  });

  it("puts each problem on its field", () => {
    const result = createRequestSchema.safeParse({ ...valid, kind: "", title: " ", details: "short", dueDate: "2020-01-01" });
    const paths = result.error!.issues.map((issue) => issue.path.join("."));
    expect(paths).toEqual(expect.arrayContaining(["kind", "title", "details", "dueDate"]));
    expect(result.error!.issues.find((issue) => issue.path[0] === "dueDate")!.message).toBe("The due date cannot be in the past");
  });

  it("needs named accounts for a nurture campaign, and at most the limit", () => {
    expect(createRequestSchema.safeParse({ ...valid, kind: "NURTURE_CAMPAIGN" }).error!.issues[0]).toMatchObject({ path: ["accounts"] });
    const many = Array.from({ length: MAX_ACCOUNTS + 1 }, (_, index) => `Account ${index}`).join("\n");
    expect(createRequestSchema.safeParse({ ...valid, accounts: many }).error!.issues[0]).toMatchObject({ path: ["accounts"] });
  });

  it("needs an http(s) delivery link", () => {
    expect(deliverRequestSchema.safeParse({ id: "r1", version: 2, deliveryUrl: " https://a.test/x " }).data?.deliveryUrl).toBe("https://a.test/x");
    expect(deliverRequestSchema.safeParse({ id: "r1", version: 2, deliveryUrl: "javascript:alert(1)" }).error!.issues[0]).toMatchObject({ path: ["deliveryUrl"] });
    expect(deliverRequestSchema.safeParse({ id: "r1", version: 2, deliveryUrl: "" }).error!.issues[0]).toMatchObject({ path: ["deliveryUrl"] });
  });
});
