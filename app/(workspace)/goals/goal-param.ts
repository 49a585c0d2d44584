/** The goal id in the URL, or null when it cannot be one (so a mangled link ends in a 404, not a database error). */
export function parseGoalId(raw: string): string | null {
  return /^[A-Za-z0-9_-]{1,64}$/.test(raw) ? raw : null;
}
