import { describe, expect, it } from "vitest";
import { sortableId } from "@/lib/leads/bulk-insert";

describe("sortableId", () => {
  it("makes cuid-shaped ids that sort in the order they were made and never repeat, across many random refills", () => {
    const now = Date.now();
    const ids = Array.from({ length: 5_000 }, () => sortableId(now));
    for (const id of ids) expect(id).toMatch(/^c[0-9a-z]{14}[0-9a-f]{10}$/);
    expect(new Set(ids).size).toBe(ids.length);
    // The counter orders ids made in the same millisecond (it wraps only after 36^6 of them).
    expect([...ids].sort()).toEqual(ids);
    // The random tails differ from one id to the next (not one draw reused).
    expect(new Set(ids.map((id) => id.slice(-10))).size).toBe(ids.length);
  });

  it("orders ids made later after those made earlier", () => {
    const earlier = sortableId(1_000_000);
    expect(sortableId(2_000_000) > earlier).toBe(true);
  });
});
