import { describe, expect, it } from "vitest";
import { internedLocalKeys } from "./local-keys.ts";

describe("internedLocalKeys", () => {
  it("gives each cell its level|system|area|stratum|value, whatever the order cells come in", () => {
    const key = internedLocalKeys();
    const cells = [
      { level: "zone", system_code: "ZPL", area_code: "Z01", stratum: "sex", stratum_value: "F" },
      { level: "zone", system_code: "ZPL", area_code: "Z01", stratum: "sex", stratum_value: "M" },
      { level: "region", system_code: null, area_code: "02000", stratum: "total", stratum_value: "all" },
      { level: "zone", system_code: "ZPL", area_code: "Z01", stratum: "sex", stratum_value: "F" },
      // A part equal to another level's part does not mix the levels up.
      { level: "zone", system_code: "sex", area_code: "ZPL", stratum: "Z01", stratum_value: "F" },
    ];
    expect(cells.map(key)).toEqual(["zone|ZPL|Z01|sex|F", "zone|ZPL|Z01|sex|M", "region||02000|total|all", "zone|ZPL|Z01|sex|F", "zone|sex|ZPL|Z01|F"]);
  });
});
