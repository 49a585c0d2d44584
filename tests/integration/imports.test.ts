// CSV import of leads, through the real route handler, server actions, service and background job, on a real
// PostgreSQL: who may import, errors by line before anything is written, "valid rows" versus "nothing", duplicates
// merged, and an import whose process is killed mid-way resuming to exactly the leads of an uninterrupted run.
import { spawn } from "node:child_process";
import path from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { finishImportAction, resumeImportAction, setImportMappingAction } from "@/lib/imports/actions";
import { finishImport } from "@/lib/imports/service";
import { nextRows } from "@/lib/imports/job";
import { getImport } from "@/lib/imports/queries";
import { runPendingJobs } from "@/lib/jobs/service";
import { GET as progressRoute } from "@/app/api/imports/[id]/route";
import { POST as upload } from "@/app/api/imports/route";
import { leadInput, makeLead, makeUser, rowCounts } from "./support/factories";
import { signInAs } from "./support/session";
import { csv, HEADER, importWorld, leadRow, uploadCsv } from "./support/imports";

type User = Awaited<ReturnType<typeof makeUser>>;
let marketer: User;

async function world() {
  marketer = await importWorld();
}

const asUser = (user: { id: string; email: string; name: string; role: User["role"] }) => ({ id: user.id, email: user.email, name: user.name, role: user.role });

beforeEach(async () => {
  await world();
});

async function importCounts() {
  return { leads: await db().lead.count(), imports: await db().leadImport.count(), rows: await db().importRow.count(), jobs: await db().job.count() };
}

describe("the upload route", () => {
  it("answers with its own security headers (the page proxy does not run for it)", async () => {
    const form = new FormData();
    form.set("file", new File([csv([HEADER, leadRow(1)])], "leads.csv", { type: "text/csv" }));
    const response = await upload(new Request("http://localhost/api/imports", { method: "POST", body: form, headers: { origin: "http://localhost" } }));
    expect(response.status).toBe(201);
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("content-security-policy")).toBe("default-src 'none'; frame-ancestors 'none'");
    expect(response.headers.get("cache-control")).toBe("private, no-store");
  });

  it("refuses a body over its limit sent without a Content-Length, having read no more than the limit, and stores nothing", async () => {
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent > 200 * 1024 * 1024) return controller.close();
        sent += 1024 * 1024;
        controller.enqueue(new Uint8Array(1024 * 1024).fill(120));
      },
    });
    const response = await upload(
      new Request("http://localhost/api/imports", { method: "POST", body, duplex: "half", headers: { origin: "http://localhost", "content-type": "multipart/form-data; boundary=x" } } as RequestInit),
    );
    expect(response.status).toBe(413);
    expect(((await response.json()) as { error: string }).error).toMatch(/larger than 25 MB/);
    expect(sent).toBeLessThan(30 * 1024 * 1024);
    expect(await importCounts()).toEqual({ leads: 0, imports: 0, rows: 0, jobs: 0 });
  });
});

describe("who may import", () => {
  it("refuses reps, sales managers, the CRO and admins at every entry point, and writes nothing", async () => {
    const { body } = await uploadCsv(csv([HEADER, leadRow(1)]));
    const importId = body.id!;
    for (const role of ["SALES_REP", "SALES_MANAGER", "CRO", "ADMIN"] as const) {
      signInAs(await makeUser(role));
      const before = { ...(await rowCounts()), ...(await importCounts()) };
      const uploaded = await uploadCsv(csv([HEADER, leadRow(2)]));
      expect(uploaded.status, role).toBe(403);
      const results = [
        await setImportMappingAction({ importId, mapping: { columns: { name: 0, email: 1, company: 3, source: 7 } } }),
        await finishImportAction({ importId, choice: "valid" }),
        await finishImportAction({ importId, choice: "nothing" }),
        await resumeImportAction({ importId }),
      ];
      for (const result of results) expect(result).toEqual({ ok: false, formError: "Your role does not allow this. Nothing was changed." });
      expect((await progressRoute(new Request("http://localhost"), { params: Promise.resolve({ id: importId }) })).status).toBe(403);
      const after = { ...(await rowCounts()), ...(await importCounts()) };
      expect(after).toEqual(before);
    }
    expect(await db().leadImport.findUniqueOrThrow({ where: { id: importId }, select: { status: true } })).toEqual({ status: "PENDING" });
  });

  it("keeps a marketer's import from other marketers; the marketing manager may see and drive it", async () => {
    const { body } = await uploadCsv(csv([HEADER, leadRow(1), leadRow(2)]));
    const importId = body.id!;
    const other = await makeUser("MARKETER");
    signInAs(other);
    expect(await getImport(asUser(other), importId)).toBeNull();
    expect((await progressRoute(new Request("http://localhost"), { params: Promise.resolve({ id: importId }) })).status).toBe(404);
    expect(await finishImportAction({ importId, choice: "valid" })).toMatchObject({ ok: false, formError: expect.stringContaining("not yours") });
    expect(await db().job.count()).toBe(0);

    const manager = await makeUser("MARKETING_MANAGER");
    signInAs(manager);
    expect(await getImport(asUser(manager), importId)).toMatchObject({ id: importId, validRows: 2 });
    expect(await finishImportAction({ importId, choice: "valid" })).toEqual({ ok: true, data: { status: "RUNNING" } });
    await runPendingJobs();
    // The leads belong to the marketer who imported them, whoever pressed the button.
    expect(await db().lead.count({ where: { ownerId: marketer.id } })).toBe(2);
  });
});

describe("checking a file", () => {
  it("reports each invalid row with its line number and its fields' messages, and writes no lead", async () => {
    const before = await rowCounts();
    const file = csv([
      HEADER,
      leadRow(1),
      leadRow(2, { email: "not-an-email" }),
      [],
      leadRow(4, { name: "", size: "-5" }),
      leadRow(5, { source: "Carrier pigeon", country: "Atlantis" }),
      leadRow(6),
    ]);
    const { status, body } = await uploadCsv(file, "spring.csv");
    expect(status).toBe(201);
    const view = (await getImport(asUser(marketer), body.id!))!;
    expect(view).toMatchObject({ state: "PENDING", fileName: "spring.csv", totalRows: 5, validRows: 2, invalidRows: 3, duplicateRows: 0, problems: [] });
    expect(view.errors).toEqual([
      { line: 3, messages: ["Email: Enter a valid email address"] },
      { line: 5, messages: ["Name: Enter the name", "Company size: A company has at least 1 employee"] },
      { line: 6, messages: ["Country: Choose a country from the list", "Source: Choose a source"] },
    ]);
    expect(view.preview.map((row) => row.line)).toEqual([2, 3, 5, 6, 7]);
    expect(await rowCounts()).toEqual({ ...before, auditEvents: before.auditEvents + 1 });
    expect(await db().auditEvent.findFirst({ where: { action: "import.uploaded" }, select: { actorId: true, data: true } })).toEqual({
      actorId: marketer.id,
      data: { fileName: "spring.csv", rows: 5, validRows: 2, invalidRows: 3, duplicateRows: 0 },
    });
  });

  it("refuses a file it cannot read, with the reason, and stores nothing", async () => {
    expect(await uploadCsv("")).toMatchObject({ status: 422 });
    expect(await uploadCsv("Name,Email\n")).toEqual({ status: 422, body: { error: "The file has a header but no leads." } });
    expect(await uploadCsv('Name,Email\nAda,"open\n')).toMatchObject({ status: 422, body: { error: expect.stringContaining("Line 2") } });
    expect(await importCounts()).toMatchObject({ imports: 0, rows: 0 });
  });

  it("lets the marketer fix a mapping the headers did not give, and checks every row again", async () => {
    const { body } = await uploadCsv(csv([["Who", "Reach at", "Org", "Channel"], ["Ada", "ada@x.test", "Acme", "Event"], ["Bo", "bo@x.test", "Acme", ""]]));
    const importId = body.id!;
    let view = (await getImport(asUser(marketer), importId))!;
    expect(view.validRows).toBe(0);
    // "Channel" is a name for the source; nothing names the name, the email or the company.
    expect(view.mapping.columns).toEqual({ source: 3 });
    expect(view.problems).toEqual(["Choose the column that holds the name.", "Choose the column that holds the email.", "Choose the column that holds the company."]);
    expect(await finishImportAction({ importId, choice: "valid" })).toMatchObject({ ok: false });

    const fixed = await setImportMappingAction({ importId, mapping: { columns: { name: "0", email: "1", company: "2", source: "3" }, defaultSource: "WEBSITE" } });
    expect(fixed).toEqual({ ok: true, data: { problems: [], validRows: 2, invalidRows: 0, duplicateRows: 0 } });
    view = (await getImport(asUser(marketer), importId))!;
    expect(view).toMatchObject({ validRows: 2, errors: [], problems: [] });
    expect(await setImportMappingAction({ importId, mapping: { columns: { name: 0, email: 0, company: 2, source: 3 } } })).toMatchObject({
      ok: true,
      data: { problems: [expect.stringContaining("same column")] },
    });
    expect(await db().lead.count()).toBe(0);
  });
});

describe("the marketer's choice", () => {
  it('"nothing" writes no lead and deletes the rows', async () => {
    const before = await rowCounts();
    const { body } = await uploadCsv(csv([HEADER, leadRow(1), leadRow(2, { email: "bad" })]));
    expect(await finishImportAction({ importId: body.id!, choice: "nothing" })).toEqual({ ok: true, data: { status: "CANCELLED" } });
    await runPendingJobs();
    expect(await rowCounts()).toEqual({ ...before, auditEvents: before.auditEvents + 2 });
    expect(await importCounts()).toMatchObject({ rows: 0, jobs: 0 });
    expect(await getImport(asUser(marketer), body.id!)).toMatchObject({ state: "CANCELLED", created: 0, skipped: 2 });
    expect(await finishImportAction({ importId: body.id!, choice: "valid" })).toMatchObject({ ok: false, formError: expect.stringContaining("can no longer change") });
  });

  it('"valid rows" writes the valid ones, skips the rest, and merges duplicates instead of duplicating them', async () => {
    const existing = await makeLead({ id: marketer.id, role: "MARKETER" }, leadInput({ email: "known@import.test", title: undefined, source: "EVENT" }));
    const rows = [HEADER, ...Array.from({ length: 30 }, (_, n) => leadRow(n + 1))];
    rows.push(leadRow(99, { email: "bad-email" }));
    rows.push(leadRow(100, { email: "KNOWN@import.test", title: "CFO" }));
    rows.push(leadRow(101, { email: "imported.3@import.test", name: "Again" }));
    const { body } = await uploadCsv(csv(rows));
    const importId = body.id!;
    const view = (await getImport(asUser(marketer), importId))!;
    expect(view).toMatchObject({ validRows: 32, invalidRows: 1, duplicateRows: 2 });
    expect(view.duplicates).toEqual([
      { line: 33, email: "known@import.test", kind: "existing" },
      { line: 34, email: "imported.3@import.test", kind: "file" },
    ]);

    expect(await finishImportAction({ importId, choice: "valid" })).toEqual({ ok: true, data: { status: "RUNNING" } });
    await runPendingJobs();

    expect(await getImport(asUser(marketer), importId)).toMatchObject({ state: "DONE", total: 32, processed: 32, created: 30, merged: 2, skipped: 1 });
    expect(await db().lead.count()).toBe(31);
    expect(await db().lead.count({ where: { email: { startsWith: "imported." } } })).toBe(30);
    // The existing lead got the title it lacked; the repeat within the file did not overwrite the first line's name.
    expect(await db().lead.findUniqueOrThrow({ where: { id: existing.id }, select: { title: true } })).toEqual({ title: "CFO" });
    expect(await db().lead.findUniqueOrThrow({ where: { email: "imported.3@import.test" }, select: { name: true } })).toEqual({ name: "Imported 3" });
    const imported = await db().lead.findMany({ where: { email: { startsWith: "imported." } }, select: { ownerId: true, createdById: true, stage: true, stageChanges: { select: { reason: true }, orderBy: { at: "asc" }, take: 1 } } });
    expect(imported.every((lead) => lead.ownerId === marketer.id && lead.createdById === marketer.id && lead.stageChanges[0]!.reason === "Imported from CSV")).toBe(true);
    // Scored and qualified: the fitting quarter became MQLs and were handed over.
    expect(imported.filter((lead) => lead.stage === "MQL").length).toBe(7);
    expect(await db().handover.count({ where: { lead: { email: { startsWith: "imported." } } } })).toBe(7);
    const actions = (await db().auditEvent.findMany({ where: { entityType: "LeadImport" }, orderBy: { at: "asc" }, select: { action: true } })).map((entry) => entry.action);
    expect(actions).toEqual(["import.uploaded", "import.started", "import.completed"]);
    expect(await db().auditEvent.count({ where: { action: "lead.created", data: { path: ["importId"], equals: importId } } })).toBe(30);
  });
});

/** The leads an import leaves, compared by value (ids differ between databases). */
async function leadState() {
  return db().lead.findMany({
    orderBy: { email: "asc" },
    select: {
      email: true,
      name: true,
      stage: true,
      score: true,
      company: { select: { name: true } },
      stageChanges: { orderBy: [{ at: "asc" }, { id: "asc" }], select: { fromStage: true, toStage: true } },
      handovers: { select: { toUser: { select: { email: true } } } },
    },
  });
}

function bigFile(count: number) {
  const rows = [HEADER, ...Array.from({ length: count }, (_, n) => leadRow(n + 1))];
  // A few invalid rows and repeats along the file.
  for (let n = 0; n < count; n += 997) rows.splice(n + 1, 0, leadRow(n, { email: `broken ${n}` }), leadRow(n + 1, { name: `Repeat ${n}` }));
  return csv(rows);
}

describe("a finished import's rows", () => {
  it("are kept for 30 days after it finished, then cleared at the next upload; its leads and counts stay", async () => {
    const daysAgo = (days: number) => new Date(Date.now() - days * 24 * 60 * 60 * 1000);
    const finished = async (email: string) => {
      const { body } = await uploadCsv(csv([HEADER, leadRow(1, { email }), leadRow(2, { email: "" })]));
      await finishImport(asUser(marketer), { importId: body.id!, choice: "valid" });
      await runPendingJobs();
      return body.id!;
    };
    const old = await finished("old@import.test");
    const recent = await finished("recent@import.test");
    const pending = (await uploadCsv(csv([HEADER, leadRow(3)]))).body.id!;
    await db().leadImport.update({ where: { id: old }, data: { finishedAt: daysAgo(31) } });
    await db().leadImport.update({ where: { id: recent }, data: { finishedAt: daysAgo(29) } });
    await db().leadImport.update({ where: { id: pending }, data: { createdAt: daysAgo(90) } });
    expect(await db().importRow.count({ where: { importId: old } })).toBe(2);
    expect((await getImport(asUser(marketer), old))!.rowsKept).toBe(true);

    await uploadCsv(csv([HEADER, leadRow(4)]));
    expect(await db().importRow.count({ where: { importId: old } })).toBe(0);
    expect(await db().importRow.count({ where: { importId: recent } })).toBe(2);
    // Not finished: an upload waiting for its marketer's choice keeps its rows, however old.
    expect(await db().importRow.count({ where: { importId: pending } })).toBe(1);
    const view = (await getImport(asUser(marketer), old))!;
    expect(view).toMatchObject({ state: "DONE", rowsKept: false, preview: [], errors: [], created: 1, skipped: 1 });
    expect((await getImport(asUser(marketer), recent))!).toMatchObject({ rowsKept: true, errors: [{ line: 3, messages: ["Email: Enter a valid email address"] }] });
    expect(await db().lead.count({ where: { email: { in: ["old@import.test", "recent@import.test"] } } })).toBe(2);
  });
});

describe("a large import's job", () => {
  it("reads each next batch by walking the rows' key, not by sorting every remaining row", async () => {
    const { body } = await uploadCsv(csv([HEADER, ...Array.from({ length: 3_000 }, (_, n) => leadRow(n + 1))]));
    const plan = await db().$queryRaw<{ "QUERY PLAN": string }[]>`EXPLAIN ${nextRows(body.id!, 1_000, 1_000)}`;
    const text = plan.map((row) => row["QUERY PLAN"]).join("\n");
    expect(text).toMatch(/Index Scan using "ImportRow_pkey"/);
    expect(text).not.toMatch(/Sort|Bitmap/);
  });
});

describe("imports beside other background work", () => {
  it("a small import started behind a long job finishes first: the runner takes one batch of each job in turn", async () => {
    const start = async (count: number, batchSize: number) => {
      const { body } = await uploadCsv(csv([HEADER, ...Array.from({ length: count }, (_, n) => leadRow(n + 1, { email: `job${count}.${n}@import.test` }))]));
      await finishImport(asUser(marketer), { importId: body.id!, choice: "valid" });
      const { jobId } = await db().leadImport.findUniqueOrThrow({ where: { id: body.id! }, select: { jobId: true } });
      await db().job.update({ where: { id: jobId! }, data: { payload: { importId: body.id!, batchSize } } });
      return body.id!;
    };
    const long = await start(60, 10);
    const short = await start(5, 1_000);
    await runPendingJobs();
    const finished = async (id: string) => (await db().leadImport.findUniqueOrThrow({ where: { id }, select: { status: true, finishedAt: true } }));
    const [a, b] = [await finished(long), await finished(short)];
    expect([a.status, b.status]).toEqual(["DONE", "DONE"]);
    expect(b.finishedAt!.getTime()).toBeLessThan(a.finishedAt!.getTime());
    expect(await db().lead.count()).toBe(65);
  });
});

describe("an import killed mid-way", () => {
  it("resumes at the next batch and leaves exactly the leads of an uninterrupted run", { timeout: 180_000 }, async () => {
    const file = bigFile(4_000);
    const startImport = async () => {
      const { body } = await uploadCsv(file);
      await finishImport(asUser(marketer), { importId: body.id!, choice: "valid" });
      const imported = await db().leadImport.findUniqueOrThrow({ where: { id: body.id! }, select: { id: true, jobId: true, validRows: true, duplicateRows: true } });
      // Small batches, so that the kill lands with several committed and one in flight.
      await db().job.update({ where: { id: imported.jobId! }, data: { payload: { importId: imported.id, batchSize: 200 } } });
      return imported;
    };

    // The uninterrupted run.
    const whole = await startImport();
    await runPendingJobs();
    const expected = await leadState();
    expect(expected).toHaveLength(whole.validRows - whole.duplicateRows);

    // The same file on the same starting point, its job run by another process that is killed with SIGKILL.
    await world();
    const killed = await startImport();
    const child = spawn(process.execPath, ["--import", "tsx", "--conditions=react-server", path.join(import.meta.dirname, "support/job-runner.ts")], {
      env: { ...process.env, DATABASE_URL: process.env.DATABASE_URL },
      stdio: "ignore",
    });
    const exited = new Promise((resolve) => child.on("exit", resolve));
    let processed = 0;
    const deadline = Date.now() + 120_000;
    while (processed < 1_000 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      processed = (await db().leadImport.findUniqueOrThrow({ where: { id: killed.id }, select: { processed: true } })).processed;
    }
    child.kill("SIGKILL");
    await exited;

    // Interrupted mid-way: every committed batch is whole (its leads, their audit entries, its counts), nothing more.
    const atKill = await db().leadImport.findUniqueOrThrow({ where: { id: killed.id }, select: { status: true, processed: true, created: true, merged: true } });
    expect(atKill.status).toBe("RUNNING");
    expect(atKill.processed).toBeGreaterThanOrEqual(1_000);
    expect(atKill.processed).toBeLessThan(killed.validRows);
    expect(atKill.processed % 200).toBe(0);
    expect(await db().lead.count()).toBe(atKill.created);
    expect(await db().auditEvent.count({ where: { action: "lead.created", data: { path: ["importId"], equals: killed.id } } })).toBe(atKill.created);
    const job = await db().job.findUniqueOrThrow({ where: { id: killed.jobId! }, select: { status: true, processed: true } });
    expect(job).toEqual({ status: "RUNNING", processed: atKill.processed });

    // The server starting again resumes it.
    await runPendingJobs();
    expect(await db().leadImport.findUniqueOrThrow({ where: { id: killed.id }, select: { status: true, processed: true, created: true, merged: true } })).toEqual({
      status: "DONE",
      processed: killed.validRows,
      created: killed.validRows - killed.duplicateRows,
      merged: killed.duplicateRows,
    });
    const actual = await leadState();
    expect(actual).toHaveLength(expected.length);
    expect(actual).toEqual(expected);
    expect(await db().auditEvent.count({ where: { action: "lead.created" } })).toBe(expected.length);
  });
});
