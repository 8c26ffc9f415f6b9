import { describe, expect, it } from "vitest";
import { healthcare, hospitalStays, pharmacy } from "../../contract/person-files.ts";
import { zonePrem, zoneSupply, zoneWorkforce } from "../../contract/aggregate-files.ts";
import type { ColumnType, FileKind } from "../../contract/index.ts";
import { ANTIBIOTICS, CHRONIC_MEDICINES, DIAGNOSES_DAY, DIAGNOSES_OTHER, DIAGNOSES_SENSITIVE, FLU_VACCINE, NOMENCLATURE } from "../../sample/catalogue.ts";
import { NOMENCLATURE_CODE, PROVIDER_CATEGORIES, SETTINGS, STAY_TYPES, ZONE_SOURCES, atcProblem, icd10Problem } from "./vocabulary.ts";

const column = (kind: FileKind, name: string): ColumnType | undefined => kind.columns.find((c) => c.name === name)?.type;
const enumValues = (kind: FileKind, name: string): readonly string[] | undefined => {
  const type = column(kind, name);
  return type?.kind === "enum" ? type.values : undefined;
};

describe("the vocabulary matches the extract contract", () => {
  it("has the same settings, provider categories and stay types", () => {
    expect([...SETTINGS]).toEqual(enumValues(healthcare, "setting"));
    expect([...PROVIDER_CATEGORIES]).toEqual(enumValues(healthcare, "provider_category"));
    expect([...STAY_TYPES]).toEqual(enumValues(hospitalStays, "stay_type"));
  });

  it("names zone columns and surveys that exist", () => {
    const kinds = { zone_prem: zonePrem, zone_workforce: zoneWorkforce, zone_supply: zoneSupply };
    for (const [source, spec] of Object.entries(ZONE_SOURCES)) {
      const kind = kinds[source as keyof typeof kinds];
      expect(kind.id).toBe(source);
      for (const name of [...spec.values, ...spec.weights]) expect(column(kind, name), `${source}.${name}`).toBeDefined();
      if (spec.surveys.length > 0) expect([...spec.surveys]).toEqual(enumValues(kind, "survey"));
      else expect(column(kind, "survey")).toBeUndefined();
    }
  });

  it("accepts every code of the synthetic sample, and only codes the contract accepts", () => {
    const atcColumn = column(pharmacy, "atc_code");
    const icdColumn = column(hospitalStays, "main_diagnosis");
    if (atcColumn?.kind !== "code" || icdColumn?.kind !== "code") throw new Error("contract changed");
    for (const m of [...CHRONIC_MEDICINES, ...ANTIBIOTICS, FLU_VACCINE]) {
      for (const prefix of [m.atc, m.atc.slice(0, 3), m.atc.slice(0, 4), m.atc.slice(0, 5)]) {
        expect(atcProblem(prefix), prefix).toBeUndefined();
        expect(prefix).toMatch(atcColumn.pattern);
      }
    }
    for (const code of [...DIAGNOSES_SENSITIVE, ...DIAGNOSES_OTHER, ...DIAGNOSES_DAY, "E11.9"]) {
      expect(icd10Problem(code), code).toBeUndefined();
      expect(code).toMatch(icdColumn.pattern);
    }
    for (const { code } of Object.values(NOMENCLATURE)) expect(code).toMatch(NOMENCLATURE_CODE);
  });

  it("explains bad codes", () => {
    expect(atcProblem("E11")).toMatch(/anatomical group/);
    expect(atcProblem("a10ba02")).toMatch(/capitals.*A10BA02/);
    expect(atcProblem("A1")).toMatch(/not an ATC code/);
    expect(atcProblem("A")).toMatch(/not an ATC code/);
    expect(icd10Problem("E119")).toMatch(/E11\.9/);
    expect(icd10Problem("diabetes")).toMatch(/not an ICD-10 code/);
  });
});
