import { describe, expect, it } from "vitest";
import { DEPTHS, DepthHint } from "./depth-hint.ts";

const at = (depth: number) => DEPTHS.indexOf(depth);

describe("DepthHint", () => {
  it("starts at the smallest depth before anything is known", () => {
    expect(DEPTHS[new DepthHint().start()]).toBe(3);
  });

  it("keeps a small depth that mostly succeeds rather than jump to a far larger LP after two failures", () => {
    // The demo's BIM-share table: depths up to 5 keep failing, 7 moves ~3,000 cells and mostly works, 10 moves ~20,000.
    const hint = new DepthHint();
    for (let i = 0; i < 10; i++)
      for (const [depth, size] of [
        [3, 200],
        [4, 1_000],
        [5, 1_500],
      ] as const)
        hint.record(at(depth), false, size);
    for (let i = 0; i < 6; i++) hint.record(at(7), true, 3_000);
    hint.record(at(7), false, 3_000);
    hint.record(at(7), false, 3_000);
    hint.record(at(10), true, 20_000);
    // Success rate at 7 is now below one half: the rule "smallest depth that mostly succeeds" gave 10.
    expect(DEPTHS[hint.start()]).toBe(7);
  });

  it("goes deeper when a depth keeps failing and the next one is not much larger", () => {
    const hint = new DepthHint();
    for (let i = 0; i < 6; i++) {
      hint.record(at(3), false, 1_000);
      hint.record(at(4), false, 1_100);
      hint.record(at(5), true, 1_200);
    }
    expect(DEPTHS[hint.start()]).toBe(5);
  });

  it("tries the smallest depth again now and then", () => {
    const hint = new DepthHint();
    for (let i = 0; i < 6; i++) hint.record(at(3), false, 100);
    hint.record(at(4), true, 150);
    const starts = Array.from({ length: 32 }, () => DEPTHS[hint.start()]);
    expect(starts.slice(0, 31).every((d) => d === 4)).toBe(true);
    expect(starts[31]).toBe(3);
  });
});
