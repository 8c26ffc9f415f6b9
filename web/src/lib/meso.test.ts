import { describe, expect, it } from "vitest";
import type { Area } from "./api.ts";
import { mesoSystems, mesoZones } from "./meso.ts";

const zone = (system: string, code: string, region: string): Area =>
  ({ level: "zone", system_code: system, area_code: code, name_fr: code, name_nl: code, name_de: code, name_en: code, region_code: region, province_code: null }) as Area;

describe("the meso map", () => {
  it("puts the ELZ of Flanders, the Brussels bassins, the OLS and the German-speaking Community side by side", () => {
    const zones = new Map([
      ["elz", [zone("elz", "elz13", "02000"), zone("elz", "elz7", "04000")]],
      ["elz-antwerpen", [zone("elz-antwerpen", "elz2-1", "02000")]],
      ["bassin", [zone("bassin", "BXL-NORD", "04000")]],
      ["ols-provisoire", [zone("ols-provisoire", "OLS-P-52", "03000")]],
      ["dg", [zone("dg", "DG", "03000")]],
    ]);
    expect(mesoZones(zones).map((z) => z.area_code)).toEqual(["elz13", "BXL-NORD", "OLS-P-52", "DG"]);
    expect(mesoSystems([...zones.keys()])).toEqual(["elz", "bassin", "ols-provisoire", "dg"]);
  });

  it("keeps the ELZ's Brussels zone when there are no bassins", () => {
    expect(mesoZones(new Map([["elz", [zone("elz", "elz13", "02000"), zone("elz", "elz7", "04000")]]])).map((z) => z.area_code)).toEqual(["elz13", "elz7"]);
  });
});
