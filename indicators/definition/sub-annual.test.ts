import { describe, expect, it } from "vitest";
import { SUB_ANNUAL_PERIODS } from "../../release/format.ts";
import { parseDefinition } from "./load.ts";
import { SUB_ANNUAL } from "./sub-annual.ts";

/** A quarterly crude rate of emergency visits; each refusal changes a few lines (numbers on the right). */
const BASE = [
  "id: emergency-visits", // 1
  "version: 1", // 2
  "aim: value", // 3
  "type: outcome", // 4
  "title: { fr: Urgences, nl: Spoed, de: Notaufnahme, en: Emergency visits }", // 5
  "short-description: { fr: Passages., nl: Bezoeken., de: Besuche., en: Visits. }", // 6
  "definition: { fr: Passages., nl: Bezoeken., de: Besuche., en: Visits. }", // 7
  "rationale: { fr: Accès., nl: Toegang., de: Zugang., en: Access. }", // 8
  "numerator-text: { fr: Passages., nl: Bezoeken., de: Besuche., en: Visits. }", // 9
  "denominator-text: { fr: Assurés., nl: Verzekerden., de: Versicherte., en: Insured. }", // 10
  "source: { fr: AIM., nl: IMA., de: IMA-AIM., en: IMA-AIM. }", // 11
  "unit: per-1000", // 12
  "polarity: low-is-good", // 13
  "statistic: crude-rate", // 14
  "population: {}", // 15
  "numerator:", // 16
  "  kind: events", // 17
  "  source: health_service", // 18
  '  codes: { nomenclature: ["990510"] }', // 19
  "  count: events", // 20
  "sub-annual: quarter", // 21
];
const FILE = "value/emergency-visits.yaml";
const edit = (changes: Record<number, string | string[]>, extra: string[] = []) =>
  [...BASE.flatMap((line, i) => (changes[i + 1] === undefined ? [line] : ([] as string[]).concat(changes[i + 1]!))), ...extra].join("\n") + "\n";
const parse = (text: string) => parseDefinition(text, FILE, { folder: "value" });

describe("sub-annual: quarter | month", () => {
  it("is accepted on a crude rate of dated events, quarterly or monthly, from each event table", () => {
    expect(parse(edit({})).problems).toEqual([]);
    expect(parse(edit({})).definition?.["sub-annual"]).toBe("quarter");
    expect(parse(edit({ 21: "sub-annual: month" })).definition?.["sub-annual"]).toBe("month");
    expect(parse(edit({ 18: "  source: pharmacy_delivery", 19: "  codes: { atc: [J01] }" })).problems).toEqual([]);
    expect(parse(edit({ 18: "  source: hospital_stay", 19: "  filters: { emergency: true }" })).problems).toEqual([]);
    // Left out: yearly only.
    expect(parse(edit({ 21: [] })).definition?.["sub-annual"]).toBeUndefined();
  });

  it("lists the same periods as the release contract", () => {
    expect([...SUB_ANNUAL]).toEqual([...SUB_ANNUAL_PERIODS]);
  });

  const refused: { name: string; text: string; message: RegExp; path?: string }[] = [
    { name: "a proportion", text: edit({ 12: "unit: percent", 14: "statistic: proportion", 20: "  count: persons" }), message: /statistic `proportion` cannot be cut by period/ },
    { name: "a mean per person", text: edit({ 12: "unit: ratio", 14: "statistic: mean-per-person" }), message: /statistic `mean-per-person` cannot be cut by period/ },
    { name: "deaths", text: edit({ 17: "  kind: deaths", 18: [], 19: [], 20: [] }), message: /a `deaths` numerator has no event dates/ },
    { name: "a look-back window", text: edit({ 20: ["  count: events", "  window-years: 2"] }), message: /look-back window/ },
    {
      name: "a hand-written query",
      text: edit({ 15: [], 16: [], 17: [], 18: [], 19: [], 20: [] }, ["sql: SELECT 1", "methods: { fr: Requête., nl: Query., de: Abfrage., en: Query. }"]),
      message: /hand-written `sql` query/,
    },
    {
      name: "a zone figure",
      text: edit({ 12: "unit: per-10000", 15: "counts: professionals", 16: "zone-value: { source: zone_supply, value: gp_count, per-population: true }", 17: [], 18: [], 19: [], 20: [] }),
      message: /a zone figure is yearly/,
    },
  ];
  it.each(refused)("is refused on $name, at its line, with why", (c) => {
    const result = parse(c.text);
    expect(result.definition).toBeUndefined();
    const found = result.problems.find((p) => p.path === "sub-annual" && c.message.test(p.message));
    expect(found, JSON.stringify(result.problems, null, 1)).toBeDefined();
    expect(found).toMatchObject({ file: FILE, line: c.text.split("\n").indexOf("sub-annual: quarter") + 1, column: 13 });
    expect(found!.message).toMatch(/only for a `crude-rate` of dated events/);
  });

  it("is refused with a count of persons", () => {
    const result = parse(edit({ 20: "  count: persons" }));
    expect(result.problems.map((p) => [p.path, p.line])).toContainEqual(["sub-annual", 21]);
    expect(result.problems.find((p) => p.path === "sub-annual")!.message).toMatch(/write `count: events`/);
  });

  it("names the allowed periods for an unknown one", () => {
    const result = parse(edit({ 21: "sub-annual: week" }));
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]).toMatchObject({ path: "sub-annual", line: 21, column: 13 });
    expect(result.problems[0]!.message).toMatch(/quarter, month/);
  });
});

describe("sub-annual in words", () => {
  it("is told in each language by `indicators explain`", async () => {
    const { describeDefinition } = await import("./describe.ts");
    const def = parse(edit({})).definition!;
    expect(describeDefinition(def, "en")).toMatch(/Periods: also per quarter \(events by date, annualised rate\)/);
    expect(describeDefinition(def, "fr")).toMatch(/Périodes : aussi par trimestre/);
    expect(describeDefinition(def, "nl")).toMatch(/Perioden: ook per kwartaal/);
    expect(describeDefinition(def, "de")).toMatch(/Zeiträume: auch je Quartal/);
    expect(describeDefinition(parse(edit({ 21: [] })).definition!, "en")).not.toMatch(/Periods/);
  });
});
