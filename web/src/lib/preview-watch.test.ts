import { describe, expect, it } from "vitest";
import { watchPreview } from "./preview-watch.ts";

/** A hand-driven timer: each step runs what is scheduled and lets its promise settle. */
function manualTimer() {
  const queue: (() => void)[] = [];
  return {
    schedule: (run: () => void) => void queue.push(run),
    async step() {
      const run = queue.shift();
      if (!run) return false;
      run();
      for (let i = 0; i < 5; i++) await Promise.resolve();
      return true;
    },
    get pending() {
      return queue.length;
    },
  };
}

describe("a first look watching for the whole release", () => {
  it("keeps asking while the first look is served or the server does not answer, and reloads once the whole release is there", async () => {
    const timer = manualTimer();
    const answers: ({ releaseId: string; preview: boolean } | Error)[] = [{ releaseId: "first", preview: true }, new Error("connection refused"), { releaseId: "whole", preview: false }];
    let asked = 0;
    let reloads = 0;
    watchPreview({
      releaseId: "first",
      fetchRelease: async () => {
        const a = answers[asked++]!;
        if (a instanceof Error) throw a;
        return a;
      },
      reload: () => reloads++,
      schedule: timer.schedule,
    });
    await timer.step();
    expect([asked, reloads]).toEqual([1, 0]);
    await timer.step();
    expect([asked, reloads]).toEqual([2, 0]);
    await timer.step();
    expect([asked, reloads]).toEqual([3, 1]);
    // Reloaded once, and asks no more.
    expect(timer.pending).toBe(0);
  });

  it("stops when told to", async () => {
    const timer = manualTimer();
    let asked = 0;
    const stop = watchPreview({ releaseId: "first", fetchRelease: async () => (asked++, { releaseId: "first", preview: true }), reload: () => {}, schedule: timer.schedule });
    await timer.step();
    stop();
    await timer.step();
    expect(asked).toBe(1);
    expect(timer.pending).toBe(0);
  });
});
