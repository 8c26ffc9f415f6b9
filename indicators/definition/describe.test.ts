import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { describeDefinition } from "./describe.ts";
import { loadDefinitions, parseDefinition } from "./load.ts";
import type { Definition } from "./schema.ts";
import { LANGUAGES } from "./vocabulary.ts";

const { definitions } = loadDefinitions(fileURLToPath(new URL("../definitions", import.meta.url)));
const byId = (id: string): Definition => {
  const def = definitions.find((d) => d.id === id);
  if (!def) throw new Error(`no definition ${id}`);
  return def;
};

describe("describeDefinition", () => {
  it("says who is in the denominator and what the numerator counts, with ages and codes", () => {
    const text = describeDefinition(byId("breast-cancer-screening"));
    expect(text).toContain("Denominator: persons insured during the year, women, aged 50 to 69 (age = year − birth year).");
    expect(text).toContain("with nomenclature code 990210 or 990220, in the year or the year before");
    expect(text).toContain("Statistic: proportion (Wilson score interval); percent.");
    expect(text).toContain("Polarity: a higher value is better.");
    expect(text).toContain("Breakdowns: age band, BIM status; cells counting fewer than 5 are not shown.");
  });

  it("describes medicines, open age ranges and caveats", () => {
    expect(describeDefinition(byId("polypharmacy-75"))).toMatch(/aged 75 and over .*\n.*at least 5 different medicines \(distinct ATC codes\), at least 80 DDD of each/);
    const flu = describeDefinition(byId("flu-vaccination-65"));
    expect(flu).toContain("ATC code starts with J07BB, during the year");
    expect(flu).toMatch(/Caveats: .*care-home residents/);
  });

  it("writes in the four languages, the analyst's texts included", () => {
    const fr = describeDefinition(byId("breast-cancer-screening"), "fr");
    expect(fr).toContain("Dénominateur : personnes assurées pendant l'année, femmes, de 50 à 69 ans");
    expect(fr).toContain("990210 ou 990220");
    expect(describeDefinition(byId("breast-cancer-screening"), "nl")).toContain("vrouwen, van 50 tot 69 jaar");
    const de = describeDefinition(byId("polypharmacy-75"), "de");
    expect(de).toContain("ab 75 Jahren");
    // Caveats and sources are German too: the schema no longer lets a text fall back to English.
    expect(de).toMatch(/Einschränkungen: Nur erstattete und in öffentlichen Apotheken abgegebene Arzneimittel/);
    expect(de).toMatch(/Quelle: Bevölkerungsdatei der IMA-AIM/);
  });

  it("describes zone figures and ratios without person-level lines", () => {
    const gp = describeDefinition(byId("gp-fte-per-10000"));
    expect(gp).toContain("Zone figure: gp_fte of zone_supply, divided by the population of the zone.");
    expect(gp).not.toContain("Denominator");
    expect(describeDefinition(byId("gp-contact-bim-ratio"))).toContain("Ratio: indicator gp-contact-bim divided by indicator gp-contact-non-bim.");
  });

  it("marks a definition computed by hand-written SQL", () => {
    const yaml = [
      "id: custom",
      "version: 1",
      "aim: value",
      "type: outcome",
      "title: { fr: a, nl: b, de: c, en: Custom }",
      "short-description: { fr: a, nl: b, de: c, en: A custom indicator. }",
      "definition: { fr: x, nl: x, de: x, en: x }",
      "rationale: { fr: x, nl: x, de: x, en: x }",
      "numerator-text: { fr: x, nl: x, de: x, en: x }",
      "denominator-text: { fr: x, nl: x, de: x, en: x }",
      "source: { fr: x, nl: x, de: x, en: x }",
      "methods: { fr: Compte ce que compte la requête., nl: Telt wat de query telt., de: 'Zählt, was die Abfrage zählt.', en: Counts what the query counts. }",
      "unit: percent",
      "polarity: no-judgement",
      "statistic: proportion",
      "sql: SELECT 1",
      "",
    ].join("\n");
    const result = parseDefinition(yaml, "custom.yaml");
    expect(result.problems).toEqual([]);
    const text = describeDefinition(result.definition as Definition);
    expect(text).toContain("Query: computed by a hand-written SQL query");
    expect(text).toContain("Methods: Counts what the query counts.");
  });

  it.each(definitions.flatMap((d) => LANGUAGES.map((lang) => [d.id, lang] as const)))("%s in %s leaves no blank", (id, lang) => {
    const text = describeDefinition(byId(id), lang);
    expect(text).not.toMatch(/undefined|NaN|\[object/);
    expect(text.split("\n").length).toBeGreaterThanOrEqual(8);
  });
});
