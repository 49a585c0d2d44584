import { describe, expect, it } from "vitest";
import { createGatherer } from "@/lib/db/gather";

/** A flush that records the groups it was given and answers each input doubled, after `release` is called. */
function recordingFlush() {
  const groups: number[][] = [];
  const releases: (() => void)[] = [];
  const flush = (inputs: number[]) => {
    groups.push(inputs);
    return new Promise<PromiseSettledResult<number>[]>((resolve) => {
      releases.push(() => resolve(inputs.map((input) => (input < 0 ? { status: "rejected", reason: new Error(`bad ${input}`) } : { status: "fulfilled", value: input * 2 }))));
    });
  };
  const releaseNext = async () => {
    await new Promise((resolve) => setImmediate(resolve));
    releases.shift()!();
  };
  return { flush, groups, releaseNext };
}

describe("createGatherer", () => {
  it("flushes calls of the same turn together, and calls made while a flush runs together in the next one", async () => {
    const { flush, groups, releaseNext } = recordingFlush();
    const gather = createGatherer(flush, { maxBatch: 100, maxConcurrent: 1 });
    const first = [gather.submit(1), gather.submit(2)];
    await new Promise((resolve) => setImmediate(resolve));
    const second = [3, 4, 5].map((n) => gather.submit(n));
    await releaseNext();
    await releaseNext();
    expect(await Promise.all([...first, ...second])).toEqual([2, 4, 6, 8, 10]);
    expect(groups).toEqual([[1, 2], [3, 4, 5]]);
  });

  it("takes at most maxBatch calls per flush, in arrival order", async () => {
    const { flush, groups, releaseNext } = recordingFlush();
    const gather = createGatherer(flush, { maxBatch: 2, maxConcurrent: 1 });
    const calls = [1, 2, 3, 4, 5].map((n) => gather.submit(n));
    for (let round = 0; round < 3; round++) await releaseNext();
    await Promise.all(calls);
    expect(groups).toEqual([[1, 2], [3, 4], [5]]);
  });

  it("fails only the call its result failed, and every call of a flush that throws", async () => {
    const { flush, releaseNext } = recordingFlush();
    const gather = createGatherer(flush, { maxBatch: 10, maxConcurrent: 1 });
    const calls = [gather.submit(1), gather.submit(-1), gather.submit(3)].map((call) => call.then((value) => value, (error: Error) => error.message));
    await releaseNext();
    expect(await Promise.all(calls)).toEqual([2, "bad -1", 6]);

    const broken = createGatherer<number, number>(() => Promise.reject(new Error("down")), { maxBatch: 10, maxConcurrent: 1 });
    const failed = [broken.submit(1), broken.submit(2)].map((call) => call.catch((error: Error) => error.message));
    expect(await Promise.all(failed)).toEqual(["down", "down"]);
    // And it keeps working after a failed flush.
    const after = createGatherer<number, number>(async (inputs) => inputs.map((input) => ({ status: "fulfilled", value: input })), { maxBatch: 10, maxConcurrent: 1 });
    expect(await after.submit(7)).toBe(7);
  });

  it("runs up to maxConcurrent flushes at once", async () => {
    const { flush, groups, releaseNext } = recordingFlush();
    const gather = createGatherer(flush, { maxBatch: 1, maxConcurrent: 2 });
    const calls = [1, 2, 3].map((n) => gather.submit(n));
    await new Promise((resolve) => setImmediate(resolve));
    expect(groups).toEqual([[1], [2]]);
    for (let round = 0; round < 3; round++) await releaseNext();
    expect(await Promise.all(calls)).toEqual([2, 4, 6]);
  });
});
