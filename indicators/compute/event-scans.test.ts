import { describe, expect, it } from "vitest";
import { definition, quarterlyEmergencyVisits } from "../../tests/indicator-helpers.ts";
import { eventScans } from "./event-scans.ts";

const visits = quarterlyEmergencyVisits();
const gpContacts = definition({
  id: "gp-contacts",
  statistic: "crude-rate",
  unit: "per-1000",
  population: {},
  numerator: { kind: "events", source: "health_service", codes: { nomenclature: ["101010"] }, count: "events" },
});
const screened = (years: 1 | 2 | 3) =>
  definition({
    id: `screened-${years}`,
    statistic: "proportion",
    unit: "percent",
    population: {},
    numerator: { kind: "events", source: "health_service", codes: { nomenclature: ["450096"] }, count: "persons", "window-years": years },
  });

/** The select list of the scan named `name` (between SELECT and FROM). */
const selectOf = (ctes: readonly string[], name: string) => {
  const cte = ctes.find((c) => c.startsWith(`${name} AS (`));
  if (!cte) throw new Error(`no ${name} in ${ctes.join("\n")}`);
  return cte.slice(cte.indexOf("SELECT"), cte.indexOf("FROM"));
};

describe("event scans: conditions the scan already ensures are not tested again per count", () => {
  it("a scan of one condition counts every row it reads (periods by their months only)", () => {
    const { ctes } = eventScans([visits], { from: 2019, to: 2024 });
    const select = selectOf(ctes, "ev_health_service");
    expect(select).toContain("count(*) AS e0,");
    expect(select).toContain("count(*) FILTER (WHERE month(e.service_date) BETWEEN 1 AND 3) AS e0_p1");
    expect(select).not.toContain("starts_with");
    expect(ctes[0]).toContain("WHERE e.service_date >= DATE '2019-01-01' AND e.service_date < DATE '2025-01-01' AND (((starts_with(nomenclature_code, '990510'))))");
  });

  it("a scan of several conditions keeps each count's own", () => {
    const { ctes } = eventScans([visits, gpContacts], { from: 2024, to: 2024 });
    const select = selectOf(ctes, "ev_health_service");
    expect(select).toContain("count(*) FILTER (WHERE (starts_with(nomenclature_code, '990510'))) AS e0");
    expect(select).toContain("count(*) FILTER (WHERE month(e.service_date) BETWEEN 4 AND 6 AND (starts_with(nomenclature_code, '990510'))) AS e0_p2");
    expect(select).toContain("count(*) FILTER (WHERE (starts_with(nomenclature_code, '101010'))) AS e1");
  });

  it("a look-back window shorter than the scan's reach keeps its test; the longest needs none", () => {
    const oneYear = eventScans([screened(2), screened(3)], { from: 2024, to: 2024 });
    const select = selectOf(oneYear.ctes, "ev_health_service");
    expect(select).toContain("count(*) FILTER (WHERE (2024 - year(e.service_date)) < 2) AS e0");
    expect(select).toContain("count(*) AS e1");
    const years = eventScans([screened(2), screened(3)], { from: 2020, to: 2024 });
    const fanned = selectOf(years.ctes, "evw_health_service");
    expect(fanned).toContain("count(*) FILTER (WHERE w.k < 2) AS e0");
    expect(fanned).toContain("count(*) AS e1");
  });

  it("spending reads every row: its scan tests each count's condition", () => {
    const spending = definition({
      id: "spending",
      statistic: "mean-per-person",
      unit: "euro",
      population: {},
      numerator: { kind: "spending", sources: ["health_service"] },
    });
    const { ctes } = eventScans([visits, spending], { from: 2024, to: 2024 });
    const select = selectOf(ctes, "ev_health_service");
    expect(select).toContain("count(*) FILTER (WHERE (starts_with(nomenclature_code, '990510'))) AS e0");
    expect(select).toContain("AS a1_health_service");
  });
});
