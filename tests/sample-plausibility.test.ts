// The synthetic sample reads like Belgium at the zone level (issue 17): care supply per 10,000
// inhabitants near Belgian levels in every zone (no zone with no GP), and mortality that does
// not jump from one year to the next in large zones. Still synthetic: extract.json says so.
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { writeZoneAggregates } from "../sample/aggregates.ts";
import { generateSample } from "../sample/generate.ts";
import { buildSyntheticGeography } from "../sample/geography.ts";
import { Random } from "../sample/random.ts";

const tmp = (prefix: string) => mkdtempSync(join(process.env.BOUSSOLE_TEST_TMP ?? tmpdir(), prefix));
const csv = (file: string, sep: string) =>
  readFileSync(file, "utf8")
    .replace(/^\uFEFF/, "")
    .trim()
    .split("\n")
    .slice(1)
    .map((l) => l.split(sep));

describe("care supply of every zone", () => {
  const geo = buildSyntheticGeography(42);
  const byNis = new Map(geo.municipalities.map((m) => [m.nisCode, m.population]));
  const share = new Map(geo.sectors.map((s) => [s.sectorCode, s.populationShare]));
  const population = new Map<string, number>();
  for (const m of geo.members) population.set(m.zoneCode, (population.get(m.zoneCode) ?? 0) + (byNis.get(m.nisCode) ?? 0) * (m.sectorCode ? (share.get(m.sectorCode) ?? 0) : 1));

  it.each([0.002, 0.01])("at scale %f: GPs and FTE per 10,000 near Belgian levels, never 0, steady from year to year", (scale) => {
    const dir = tmp("boussole-supply-");
    writeZoneAggregates(dir, new Random(3), geo, scale, 2019, 2024, new Set());
    const rows = csv(join(dir, "zone_supply.csv"), ",").map(([year, zone, gps, fte, cms]) => ({
      year: Number(year),
      zone: zone!,
      gps: Number(gps),
      fte: Number(fte),
      cms: Number(cms),
      people: population.get(zone!)! * scale,
    }));
    expect(new Set(rows.map((r) => r.zone)).size).toBe(geo.zones.length);
    const problems: string[] = [];
    for (const r of rows) {
      const per = (n: number) => (n / r.people) * 10_000;
      if (r.gps < 1 || r.cms < 1) problems.push(`${r.zone} ${r.year}: ${r.gps} GPs, ${r.cms} case managers`);
      if (per(r.fte) < 6 || per(r.fte) > 11) problems.push(`${r.zone} ${r.year}: ${per(r.fte).toFixed(1)} GP FTE per 10,000`);
      if (r.gps < r.fte) problems.push(`${r.zone} ${r.year}: fewer GPs (${r.gps}) than FTE (${r.fte})`);
      // Whole people: only a zone with enough synthetic inhabitants can show a Belgian head count rate.
      if (r.people >= 2_000 && (per(r.gps) < 7 || per(r.gps) > 15)) problems.push(`${r.zone} ${r.year}: ${per(r.gps).toFixed(1)} GPs per 10,000`);
      if (r.people >= 9_000 && (per(r.cms) < 0.5 || per(r.cms) > 2.5)) problems.push(`${r.zone} ${r.year}: ${per(r.cms).toFixed(1)} case managers per 10,000`);
    }
    const fte = new Map(rows.map((r) => [`${r.zone} ${r.year}`, r.fte]));
    for (const r of rows.filter((x) => x.year > 2019)) {
      const before = fte.get(`${r.zone} ${r.year - 1}`)!;
      if (Math.abs(r.fte / before - 1) > 0.2) problems.push(`${r.zone} ${r.year}: GP FTE ${before} → ${r.fte}`);
    }
    if (problems.length) console.log(problems.join("\n"));
    expect(problems).toEqual([]);
  });
});

describe("mortality by zone", () => {
  let dir = "";
  beforeAll(async () => {
    dir = tmp("boussole-mortality-");
    await generateSample({ scale: 0.004, firstYear: 2023, lastYear: 2024, seed: 5, out: dir });
  }, 300_000);

  it("is still said to be synthetic", () => {
    expect(JSON.parse(readFileSync(join(dir, "extract.json"), "utf8"))).toMatchObject({ synthetic: true });
  });

  it("keeps crude death rates near Belgium's and steady from year to year in large zones", () => {
    const zonesOf = new Map<string, string[]>();
    for (const [zone, nis, sector] of csv(join(dir, "geo_zone_members.csv"), ",")) {
      const key = `${nis}|${sector ?? ""}`;
      zonesOf.set(key, [...(zonesOf.get(key) ?? []), zone!]);
    }
    const counts = new Map<string, { persons: number; deaths: number }>();
    const add = (key: string, died: boolean) => {
      const c = counts.get(key) ?? { persons: 0, deaths: 0 };
      c.persons++;
      if (died) c.deaths++;
      counts.set(key, c);
    };
    for (const [year, , , , nis, sector, death] of csv(join(dir, "ima_population.csv"), ";")) {
      for (const zone of zonesOf.get(`${nis}|${sector ?? ""}`) ?? []) add(`${zone} ${year}`, death !== "");
      add(`BE ${year}`, death !== "");
    }
    const national = new Map([2023, 2024].map((y) => [y, counts.get(`BE ${y}`)!]));
    const problems: string[] = [];
    for (const [year, c] of national) if (c.deaths / c.persons < 0.007 || c.deaths / c.persons > 0.014) problems.push(`Belgium ${year}: ${((100 * c.deaths) / c.persons).toFixed(2)}% died`);
    let large = 0;
    for (const zone of new Set([...zonesOf.values()].flat())) {
      const [a, b] = [counts.get(`${zone} 2023`), counts.get(`${zone} 2024`)];
      // Large zones: about 25 deaths a year or more, so that chance alone cannot double a rate.
      if (!a || !b || a.persons < 2_500 || b.persons < 2_500) continue;
      large++;
      const ratio = b.deaths / b.persons / (a.deaths / a.persons);
      if (ratio > 2 || ratio < 0.5) problems.push(`${zone}: death rate × ${ratio.toFixed(2)} from 2023 to 2024`);
    }
    if (problems.length) console.log(problems.join("\n"));
    expect(large).toBeGreaterThan(0);
    expect(problems).toEqual([]);
  });
});
