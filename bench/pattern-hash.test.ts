import { describe, expect, it } from "vitest";
import { patternHash } from "./pattern-hash.ts";

describe("a suppression pattern's fingerprint", () => {
  it("does not depend on the order cells were hidden in, and tells patterns apart", () => {
    const a = patternHash([
      ["z1", "primary"],
      ["z2", "complementary"],
    ]);
    expect(
      patternHash([
        ["z2", "complementary"],
        ["z1", "primary"],
      ]),
    ).toBe(a);
    expect(patternHash([["z1", "primary"]])).not.toBe(a);
    expect(
      patternHash([
        ["z1", "primary"],
        ["z2", "primary"],
      ]),
    ).not.toBe(a);
    expect(a).toMatch(/^[0-9a-f]{16}$/);
  });
});
