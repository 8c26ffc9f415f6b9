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
import { loadDefinitions } from "../../indicators/definition/load.ts";
import { HAND_WRITTEN, HAND_WRITTEN_WITH_QUARTERS, handWrittenFigures, type HandWrittenColumns } from "../hand-written.ts";
import { agrees, compareFigures } from "../peer-figures.ts";
import { peerDefinitions } from "../r-peer-indicators.ts";

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

const three = peerDefinitions();
const engine: number[] = [];
const hand: number[] = [];
const handWithQuarters: number[] = [];
let handRows = 0;
let engineCells = 0;
// The last run's results, compared after the timing: the ratio is worth something only if both give the same figures.
let engineResult: Awaited<ReturnType<typeof computeIndicators>> | undefined;
let handColumns: HandWrittenColumns | undefined;
for (let i = 0; i < 3; i++) {
  engine.push(
    await seconds(async () => {
      engineResult = await computeIndicators(warehouse, three);
      engineCells = engineResult.table.length;
    }),
  );
  const byHand = (sql: string, keep = false) =>
    seconds(async () => {
      const db = await Database.open(warehouse, { readOnly: true });
      try {
        const columns = (await db.connection.runAndReadAll(sql)).getColumnsObjectJS() as unknown as HandWrittenColumns;
        handRows = columns.year.length;
        if (keep) handColumns = columns;
      } finally {
        db.close();
      }
    });
  hand.push(await byHand(HAND_WRITTEN, true));
  handWithQuarters.push(await byHand(HAND_WRITTEN_WITH_QUARTERS));
}
const agreement = compareFigures(engineResult!.cells, handWrittenFigures(handColumns!));
if (!agrees(agreement)) throw new Error(`the engine and the hand-written query disagree: ${JSON.stringify(agreement, null, 2)}`);
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
    /** Figures compared between the engine and the hand-written query (all equal, or the task throws). */
    figuresAgree: agreement.agree,
    maxRssMb: process.resourceUsage().maxRSS / 1024,
  }),
);
