// The import's inputs from the browser: the mapping form and the final choice. Shared by the form and the server.
import { z } from "zod";
import { LeadSource } from "../db/enums";
import { IMPORT_FIELDS, MAX_COLUMNS, type ImportField } from "./rules";

const importId = z.string().trim().min(1).max(64);

/** A column index, or "" / null for "not imported". */
const column = z.preprocess(
  (value) => (value === "" || value === null ? undefined : value),
  z.coerce.number().int().min(0).max(MAX_COLUMNS - 1).optional(),
);

export const mappingSchema = z.object({
  columns: z.object(Object.fromEntries(IMPORT_FIELDS.map((field) => [field, column])) as Record<ImportField, typeof column>),
  defaultSource: z.preprocess((value) => (value === "" || value === null ? undefined : value), z.enum(LeadSource, { error: "Choose a source" }).optional()),
});

export const setMappingSchema = z.object({ importId, mapping: mappingSchema });
export type SetMappingInput = z.output<typeof setMappingSchema>;

/** The marketer's choice once the rows are checked: write the valid rows, or nothing at all. */
export const finishImportSchema = z.object({ importId, choice: z.enum(["valid", "nothing"]) });
export type FinishImportInput = z.output<typeof finishImportSchema>;

export const importIdSchema = z.object({ importId });
