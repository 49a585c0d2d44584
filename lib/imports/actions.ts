"use server";
import { runAction } from "../actions/pipeline";
import { runPendingJobs } from "../jobs/service";
import { finishImportSchema, importIdSchema, setMappingSchema } from "./schemas";
import { finishImport, resumeImport, setImportMapping } from "./service";

const PAGES = ["/leads", "/leads/import"];

/** A new column mapping: every row of the import is checked again under it (nothing is written to leads). */
export async function setImportMappingAction(input: unknown) {
  return runAction({ permission: "lead:import", schema: setMappingSchema, input, revalidate: PAGES, run: (user, data) => setImportMapping(user, data) });
}

/** Import the valid rows (in the background, resumable) or nothing at all. */
export async function finishImportAction(input: unknown) {
  const result = await runAction({ permission: "lead:import", schema: finishImportSchema, input, revalidate: PAGES, run: (user, data) => finishImport(user, data) });
  // The batches run after the answer, in this process; a restart resumes them (scripts/start.ts).
  if (result.ok && result.data.status === "RUNNING") void runPendingJobs();
  return result;
}

/** Continue an import whose job stopped on an error, or nudge one waiting for this server to pick it up. */
export async function resumeImportAction(input: unknown) {
  const result = await runAction({ permission: "lead:import", schema: importIdSchema, input, revalidate: PAGES, run: (user, data) => resumeImport(user, data.importId) });
  if (result.ok) void runPendingJobs();
  return result;
}
