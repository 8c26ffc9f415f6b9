import { describe, expect, it } from "vitest";
import { Vocabulary } from "./vocabulary.ts";

describe("Vocabulary", () => {
  it("gives codes from 1 in order of first sight, the same code again for the same text, and 0 for null", () => {
    const v = new Vocabulary();
    expect(["zone", "elz", "zone", null, "BE"].map((t) => v.code(t))).toEqual([1, 2, 1, 0, 3]);
    expect([0, 1, 2, 3].map((c) => v.value(c))).toEqual([null, "zone", "elz", "BE"]);
    expect(v.values).toEqual([null, "zone", "elz", "BE"]);
  });

  it("refuses a text beyond its limit rather than overflow a column of bytes", () => {
    const v = new Vocabulary(255);
    for (let i = 1; i <= 255; i++) expect(v.code(`t${i}`)).toBe(i);
    expect(() => v.code("one too many")).toThrow("more than 255 distinct values (one too many)");
    expect(v.code("t7")).toBe(7); // known texts still have their codes
  });
});
