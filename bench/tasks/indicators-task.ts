/**
 * Indicator benchmark task, run in its own process by bench/indicators.ts: on one warehouse,
 * (1) `indicators compute` of every definition (compute + write), and (2) the engine against
 * one hand-written query for three representative indicators (a status proportion, a
 * medicine proportion, an event rate), alternated, median of three runs each.
 * Prints one JSON line.
 */
import { join } from "node:path";
import { tmpdir } from "node:os";
import { Database } from "../../core/duckdb.ts";
import { computeIndicators, writeCells } from "../../indicators/compute/compute.ts";
import { residenceAreaCtes } from "../../indicators/compute/areas.ts";
import { loadDefinitions } from "../../indicators/definition/load.ts";

const [warehouse] = process.argv.slice(2) as [string];
const { definitions } = loadDefinitions(join(import.meta.dirname, "..", "..", "indicators", "definitions"));

const seconds = async (work: () => Promise<unknown>) => {
  const started = performance.now();
  await work();
  return (performance.now() - started) / 1000;
};
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const out = join(tmpdir(), `boussole-bench-cells-${process.pid}.duckdb`);
let cells = 0;
let queryMs = 0;
let statisticsMs = 0;
const allSeconds = await seconds(async () => {
  const r = await computeIndicators(warehouse, definitions);
  await writeCells(r.table, out);
  ({ queryMs, statisticsMs } = r);
  cells = r.table.length;
});
// CPU and peak memory of the whole run of every definition (the first thing this process does).
const afterAll = process.resourceUsage();
const allCpuSeconds = (afterAll.userCPUTime + afterAll.systemCPUTime) / 1e6;
const allMaxRssMb = afterAll.maxRSS / 1024;

// The same three indicators, written by hand as an analyst would: counts per residence unit
// and stratum, then every area and stratum with GROUPING SETS; no statistics.
const HAND_WRITTEN = `WITH ${residenceAreaCtes()},
antibiotic AS (SELECT DISTINCT person_id, CAST(year(delivery_date) AS INTEGER) AS year FROM pharmacy_delivery WHERE starts_with(atc_code, 'J01')),
emergency AS (SELECT person_id, CAST(year(service_date) AS INTEGER) AS year, count(*) AS visits FROM health_service WHERE nomenclature_code = '990510' GROUP BY ALL),
unit AS (
  SELECT p.year, p.nis_code, p.sector_code, p.sex, p.bim,
    CASE WHEN p.year - p.birth_year < 18 THEN '0-17' WHEN p.year - p.birth_year < 45 THEN '18-44' WHEN p.year - p.birth_year < 65 THEN '45-64' WHEN p.year - p.birth_year < 75 THEN '65-74' ELSE '75+' END AS age_band,
    count(*) AS persons, count_if(p.gmd) AS gmd, count(a.person_id) AS antibiotic, coalesce(sum(e.visits), 0) AS visits
  FROM person_year p LEFT JOIN antibiotic a USING (person_id, year) LEFT JOIN emergency e USING (person_id, year)
  GROUP BY ALL
)
SELECT year, level, system_code, area_code, GROUPING(sex, age_band, bim) AS g, sex, age_band, bim, sum(persons) AS persons, sum(gmd) AS gmd, sum(antibiotic) AS antibiotic, sum(visits) AS visits
FROM unit u JOIN residence_area a ON a.nis_code = u.nis_code AND a.sector_code IS NOT DISTINCT FROM u.sector_code
GROUP BY GROUPING SETS ((year, level, system_code, area_code), (year, level, system_code, area_code, sex), (year, level, system_code, area_code, age_band), (year, level, system_code, area_code, bim))`;

// The same, counting also what the engine computes for emergency-visits because its definition
// asks for it (`sub-annual: quarter`): its visits by quarter of their date, in every area.
// Reported beside the plain comparison, which stays the target's measure.
const HAND_WRITTEN_WITH_QUARTERS = HAND_WRITTEN.replace(
  "count(*) AS visits FROM health_service",
  "count(*) AS visits, " + [1, 2, 3, 4].map((q) => `count(*) FILTER (WHERE quarter(service_date) = ${q}) AS q${q}`).join(", ") + " FROM health_service",
)
  .replace("coalesce(sum(e.visits), 0) AS visits", "coalesce(sum(e.visits), 0) AS visits, " + [1, 2, 3, 4].map((q) => `coalesce(sum(e.q${q}), 0) AS q${q}`).join(", "))
  .replace("sum(visits) AS visits", "sum(visits) AS visits, " + [1, 2, 3, 4].map((q) => `sum(q${q}) AS q${q}`).join(", "));
for (const part of ["count(*) AS visits FROM health_service", "coalesce(sum(e.visits), 0) AS visits", "sum(visits) AS visits"]) {
  if (!HAND_WRITTEN.includes(part)) throw new Error(`the hand-written query changed (no ${part}): update its quarters too`);
}

const three = definitions.filter((d) => ["gmd-coverage", "antibiotic-users", "emergency-visits"].includes(d.id));
const engine: number[] = [];
const hand: number[] = [];
const handWithQuarters: number[] = [];
let handRows = 0;
let engineCells = 0;
for (let i = 0; i < 3; i++) {
  engine.push(await seconds(async () => (engineCells = (await computeIndicators(warehouse, three)).table.length)));
  const byHand = (sql: string) =>
    seconds(async () => {
      const db = await Database.open(warehouse, { readOnly: true });
      try {
        handRows = (await db.connection.runAndReadAll(sql)).getColumnsObjectJS().year!.length;
      } finally {
        db.close();
      }
    });
  hand.push(await byHand(HAND_WRITTEN));
  handWithQuarters.push(await byHand(HAND_WRITTEN_WITH_QUARTERS));
}
const { rmSync } = await import("node:fs");
rmSync(out, { force: true });
console.log(
  JSON.stringify({
    allSeconds,
    allCpuSeconds,
    allMaxRssMb,
    querySeconds: queryMs / 1000,
    statisticsSeconds: statisticsMs / 1000,
    cells,
    indicators: definitions.length,
    engineSeconds: median(engine),
    handWrittenSeconds: median(hand),
    engineOverHand: median(engine) / median(hand),
    handWrittenWithQuartersSeconds: median(handWithQuarters),
    engineOverHandWithQuarters: median(engine) / median(handWithQuarters),
    engineCells,
    handRows,
    maxRssMb: process.resourceUsage().maxRSS / 1024,
  }),
);
