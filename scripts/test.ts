// `npm test`: every check, in the order that fails fastest. Stops at the first failure and says which step failed.
import { spawnSync } from "node:child_process";
import { rmSync } from "node:fs";
import { ensureBuild } from "../lib/runtime/build";
import { E2E_DATA_DIR } from "../playwright.config";

type Step = [name: string, run: () => boolean];

const command = (line: string) => () => spawnSync(line, { stdio: "inherit", shell: true }).status === 0;

const steps: Step[] = [
  ["lint", command("npx eslint --max-warnings=0 .")],
  ["typecheck", command("npx tsc --noEmit -p .")],
  ["unit tests", command("npx vitest run --project unit")],
  ["integration tests (embedded PostgreSQL)", command("npx vitest run --project integration")],
  ["production build", () => ensureBuild()],
  [
    "browser tests (Playwright)",
    () => {
      rmSync(E2E_DATA_DIR, { recursive: true, force: true });
      const ok = command("npx playwright test")();
      rmSync(E2E_DATA_DIR, { recursive: true, force: true });
      return ok;
    },
  ],
];

const started = Date.now();
for (const [name, run] of steps) {
  const stepStart = Date.now();
  console.log(`\n▶ ${name}`);
  const ok = run();
  const seconds = ((Date.now() - stepStart) / 1000).toFixed(1);
  if (!ok) {
    console.error(`\n✗ ${name} failed after ${seconds}s`);
    process.exit(1);
  }
  console.log(`✓ ${name} (${seconds}s)`);
}
console.log(`\nAll checks passed in ${((Date.now() - started) / 1000).toFixed(0)}s.`);
