/**
 * The version number in the URL, or null when it is not one: a positive whole number that fits the database's
 * integer column ("1e3", "01", "-1", "2.5" and 99999999999 are all refused, so they end in a 404, not a crash).
 */
export function parseVersionParam(raw: string): number | null {
  return /^[1-9][0-9]{0,8}$/.test(raw) ? Number(raw) : null;
}
