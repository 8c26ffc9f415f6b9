import { describe, expect, it } from "vitest";
import { contextRows, isLone } from "./context.ts";

describe("context for a zone alone in its system", () => {
  it("calls a system of one zone (or a profile with one peer) lone", () => {
    expect(isLone(1)).toBe(true);
    expect(isLone(0)).toBe(true);
    expect(isLone(null)).toBe(true);
    expect(isLone(2)).toBe(false);
    expect(isLone(57)).toBe(false);
  });

  it("puts the zone, its region and Belgium side by side, never drawing a hidden value", () => {
    const rows = contextRows([
      { label: "Deutschsprachige Gemeinschaft", cell: { value: 61.2, lower95: 58, upper95: 64, hidden: null }, fill: "#e0e0e0" },
      { label: "Wallonische Region", cell: { value: 12, lower95: 11, upper95: 13, hidden: "suppressed" }, fill: "#bdbdbd" },
      { label: "Belgien", cell: null, fill: "#000000" },
    ]);
    expect(rows.map((r) => r.label)).toEqual(["Deutschsprachige Gemeinschaft", "Wallonische Region", "Belgien"]);
    expect(rows[0]).toMatchObject({ value: 61.2, lower: 58, upper: 64, hidden: false });
    expect(rows[1]).toMatchObject({ value: null, lower: null, upper: null, hidden: true });
    expect(rows[2]).toMatchObject({ value: null, hidden: true });
  });
});
