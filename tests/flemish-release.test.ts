// Issue 13, "done when": an extract covering Flanders only never says "Belgium". A synthetic
// sample is cut to the people who live in Flemish municipalities, without geography files (the
// shipped reference of all Belgium stands in), loaded, published, and served: the release,
// its manifest and title, and the API's answers name the top level "Flemish Region" and never
// Belgium in any language (Belgique, België, Belgien).
import { readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../server/app.ts";
import { getJson } from "../server/test-support/app.ts";
import { Database } from "../core/duckdb.ts";
import { loadExtract } from "../etl/load/load-extract.ts";
import { generateSample } from "../sample/generate.ts";
import { regionOfNis } from "../geography/facts.ts";
import { loadDefinitions } from "../indicators/definition/load.ts";
import { publish } from "../release/publish.ts";
import { temporaryDirectory } from "./helpers.ts";

const ROOT = resolve(import.meta.dirname, "..");
/** Belgium in the product's four languages (and "Belgian"); case-sensitive, so JSON keys such as `belgium` do not count. */
const BELGIUM = /Belgi|Belge/;

/** Keeps the lines of a CSV whose `column` passes `keep` (the header always). */
function filterCsv(path: string, column: string, keep: (value: string) => boolean): Set<string> {
  const [header, ...lines] = readFileSync(path, "utf8")
    .split(/\r?\n/)
    .filter((l) => l !== "");
  const sep = header!.includes(";") ? ";" : ",";
  const names = header!.replace(/^\uFEFF/, "").split(sep);
  const at = names.indexOf(column);
  const idAt = names.indexOf("person_id");
  const kept = lines.filter((l) => keep(l.split(sep)[at]!));
  writeFileSync(path, `${[header, ...kept].join("\n")}\n`);
  return new Set(kept.map((l) => l.split(sep)[idAt]!));
}

describe("a Flanders-only extract, published and served", () => {
  let release: string;
  let app: FastifyInstance;

  beforeAll(async () => {
    const dir = temporaryDirectory();
    const extract = join(dir, "extract");
    await generateSample({ scale: 0.0005, firstYear: 2024, lastYear: 2024, seed: 13, out: extract, workers: 1 });
    // Person-level files only (Statbel and zone aggregates cover all Belgium), then Flemish residents only.
    for (const name of readdirSync(extract)) if (/^(geo|zone|TF)_/.test(name)) rmSync(join(extract, name));
    const people = filterCsv(join(extract, "ima_population.csv"), "nis_code", (nis) => regionOfNis(nis) === "02000");
    expect(people.size).toBeGreaterThan(1000);
    for (const name of ["ima_healthcare.csv", "ima_pharmacy.csv", "ima_hospital_stays.csv"]) filterCsv(join(extract, name), "person_id", (id) => people.has(id));
    const warehouse = join(dir, "warehouse.duckdb");
    const load = await loadExtract(extract, { warehouse });
    expect(load.check.report.ok, load.check.report.format()).toBe(true);
    const { definitions } = loadDefinitions(join(ROOT, "indicators", "definitions"));
    release = join(dir, "release");
    await publish(
      definitions.filter((d) => d.id === "gmd-coverage"),
      { warehouse, out: release, threads: 1 },
    );
    app = await buildApp({ releaseDir: release, webDir: join(dir, "no-web"), checkResponses: true });
  }, 600_000);
  afterAll(() => app?.close());

  it("names the top level Flemish Region in the release, in every language", async () => {
    const db = await Database.open(join(release, "published.duckdb"), { readOnly: true });
    try {
      const top = await db.all<Record<string, string>>("SELECT name_fr, name_nl, name_de, name_en FROM area WHERE level = 'belgium'");
      expect(top).toEqual([{ name_fr: "Région flamande", name_nl: "Vlaams Gewest", name_de: "Flämische Region", name_en: "Flemish Region" }]);
      const named = await db.all<{ n: number }>("SELECT count(*)::INTEGER AS n FROM area WHERE regexp_matches(concat_ws('|', name_fr, name_nl, name_de, name_en), 'Belgi|Belge')");
      expect(named[0]!.n).toBe(0);
      // Cells of the top level are Flanders' figures (its people only), not Belgium's.
      const [cell] = await db.all<{ denominator: number }>("SELECT denominator FROM cell WHERE level = 'belgium' AND stratum = 'total' AND year = 2024");
      const [flanders] = await db.all<{ denominator: number }>("SELECT denominator FROM cell WHERE level = 'region' AND area_code = '02000' AND stratum = 'total' AND year = 2024");
      expect(cell!.denominator).toBe(flanders!.denominator);
    } finally {
      db.close();
    }
  });

  it("never says Belgium in its manifest or title", async () => {
    const manifest = readFileSync(join(release, "manifest.json"), "utf8");
    expect(manifest).not.toMatch(BELGIUM);
    const { body } = await getJson<{ title: string | null }>(app, "/api/v1/release");
    expect(body.title).toMatch(/^boussole sample \(synthetic data\), 2024, published /);
    expect(JSON.stringify(body)).not.toMatch(BELGIUM);
  });

  it("never says Belgium in the API's answers about areas, profiles, values and maps", async () => {
    const { body: top } = await getJson<{ areas: { area_code: string; name_en: string }[] }>(app, "/api/v1/geography/areas?level=belgium");
    expect(top.areas.map((a) => [a.area_code, a.name_en])).toEqual([["BE", "Flemish Region"]]);
    const urls = [
      "/api/v1/geography/levels",
      "/api/v1/geography/systems",
      "/api/v1/geography/areas",
      "/api/v1/geography/search?q=Vlaams&lang=nl",
      "/api/v1/geography/search?q=Gent&lang=en",
      "/api/v1/profile/belgium/BE",
      "/api/v1/profile/zone/elz13?system=elz",
      "/api/v1/profile/municipality/44021",
      "/api/v1/indicators",
      "/api/v1/indicators/gmd-coverage",
      "/api/v1/values?indicator=gmd-coverage&level=belgium",
      "/api/v1/values?indicator=gmd-coverage&level=zone&system=elz&format=csv",
      "/api/v1/geography/boundaries?level=region",
    ];
    for (const url of urls) {
      const r = await app.inject({ url });
      expect([url, r.statusCode]).toEqual([url, 200]);
      expect(r.body.match(BELGIUM)?.[0], url).toBeUndefined();
    }
    const search = await getJson<{ results: { area: { area_code: string } }[] }>(app, "/api/v1/geography/search?q=Vlaams%20Gewest&lang=nl");
    // The region is found by its name; the top level is not searchable (server/search-index.ts).
    expect(search.body.results.map((h) => h.area.area_code)).toEqual(["02000"]);
    const belgium = await getJson<{ results: unknown[] }>(app, "/api/v1/geography/search?q=Belgique&lang=fr");
    expect(belgium.body.results).toEqual([]);
  });
});
