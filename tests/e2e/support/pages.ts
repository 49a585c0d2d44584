// Every page of the app, found on disk (so pages that other features add are covered too), with dynamic segments
// filled from links on the list page above them ("/leads/[id]" takes the first "/leads/<id>" linked from "/leads").
import { readdirSync } from "node:fs";
import path from "node:path";
import type { APIRequestContext } from "@playwright/test";

const APP = path.resolve(import.meta.dirname, "../../../app");

/** Route patterns like "/leads/[id]/edit", from app/**\/page.tsx, route groups removed. */
export function pageRoutes(): string[] {
  return readdirSync(APP, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name === "page.tsx")
    .map((entry) => {
      const segments = path.relative(APP, entry.parentPath).split(path.sep).filter((segment) => segment && !/^\(.*\)$/.test(segment));
      return `/${segments.join("/")}`;
    })
    .sort();
}

/** Agreement versions are numbered; the demo always has version 1. */
const KNOWN: Record<string, string> = { "[version]": "1" };

/**
 * A concrete URL for a route pattern, or null when no page above it links to one. Each dynamic segment is taken from
 * a link on the page of the route's prefix (read as the given request context's user).
 */
export async function concreteUrl(request: APIRequestContext, route: string): Promise<string | null> {
  const segments = route.split("/").filter(Boolean);
  let url = "";
  for (const segment of segments) {
    if (!segment.startsWith("[")) {
      url += `/${segment}`;
      continue;
    }
    if (KNOWN[segment]) {
      url += `/${KNOWN[segment]}`;
      continue;
    }
    const listing = await request.get(url || "/");
    const html = await listing.text();
    const escaped = url.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    const match = html.match(new RegExp(`href="${escaped}/([A-Za-z0-9_-]+)"`));
    if (!match) return null;
    url += `/${match[1]}`;
  }
  return url || "/";
}
