// Watches the real action pipeline: each action's call is recorded (its permission and schema), and, when a test asks,
// an input the action's own schema would accept is answered without running the service, so a fuzzer that happens
// to produce a valid input never writes. Everything else runs the real pipeline. Used with
//   vi.mock("@/lib/actions/pipeline", async (original) => (await import("./support/pipeline-spy")).spyOn(await original()));
import type { z } from "zod";
import type * as Pipeline from "@/lib/actions/pipeline";
import { unsafeTextErrors } from "@/lib/security/text";

export interface SeenSpec {
  permission: string;
  schema: z.ZodType;
  input: unknown;
}

export const spy = {
  last: null as SeenSpec | null,
  /** When true, inputs the schema accepts (with no unsafe text) are not run; `skippedValid` counts them. */
  onlyInvalid: false,
  skippedValid: 0,
};

export const SKIPPED = { ok: false, skipped: true } as const;

export function spyOn(real: typeof Pipeline): typeof Pipeline {
  return {
    ...real,
    runAction: (async (spec: Parameters<typeof real.runAction>[0]) => {
      spy.last = { permission: spec.permission, schema: spec.schema, input: spec.input };
      if (spy.onlyInvalid && !unsafeTextErrors(spec.input) && spec.schema.safeParse(spec.input).success) {
        spy.skippedValid += 1;
        return SKIPPED;
      }
      return real.runAction(spec);
    }) as typeof real.runAction,
  };
}
