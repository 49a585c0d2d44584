// Builds the production bundle when the sources changed since the last build, so that `npm start` always serves
// the code in the working tree and a second start does not rebuild for nothing.
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { spawnSync } from "node:child_process";

const INPUTS = ["app", "components", "lib", "public", "proxy.ts", "prisma/schema.prisma", "next.config.ts", "postcss.config.mjs", "tsconfig.json", "package-lock.json"];
const IGNORED = new Set(["node_modules", ".next", ".data", "generated"]);
const STAMP = ".next/tandem-source-hash";

export function sourceHash(root = process.cwd()): string {
  const hash = createHash("sha256");
  const visit = (relative: string) => {
    const absolute = path.join(root, relative);
    if (!existsSync(absolute)) return;
    if (statSync(absolute).isDirectory()) {
      for (const entry of readdirSync(absolute).sort()) if (!IGNORED.has(entry)) visit(path.join(relative, entry));
      return;
    }
    hash.update(relative).update("\0").update(readFileSync(absolute)).update("\0");
  };
  INPUTS.forEach(visit);
  return hash.digest("hex");
}

export function buildIsCurrent(root = process.cwd()): boolean {
  const stamp = path.join(root, STAMP);
  return existsSync(path.join(root, ".next/BUILD_ID")) && existsSync(stamp) && readFileSync(stamp, "utf8") === sourceHash(root);
}

/** Runs `next build` (output to the terminal) unless the last build matches the sources. Returns false on failure. */
export function ensureBuild(root = process.cwd(), options: { force?: boolean } = {}): boolean {
  if (!options.force && buildIsCurrent(root)) return true;
  const hash = sourceHash(root);
  const result = spawnSync(process.execPath, [path.join(root, "node_modules/next/dist/bin/next"), "build"], {
    cwd: root,
    stdio: "inherit",
    // Hands the caller's environment to the build unchanged; nothing here reads configuration from it.
    // eslint-disable-next-line no-restricted-properties
    env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (result.status !== 0) return false;
  writeFileSync(path.join(root, STAMP), hash);
  return true;
}
