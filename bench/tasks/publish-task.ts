/**
 * Publish benchmark task, run in its own process by bench/publish.ts: `publish` of every
 * definition on one warehouse (compute, disclosure control, audit, write), then the independent
 * attacker on the release written, timed with the load average beside it (the machine is shared:
 * compare ratios within one run). Prints one JSON line.
 */
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { rmSync } from "node:fs";
import { loadDefinitions } from "../../indicators/definition/load.ts";
import { publish } from "../../release/publish.ts";
import { attackRelease } from "../../attacker/index.ts";

const [warehouse] = process.argv.slice(2) as [string];
const { definitions } = loadDefinitions(join(import.meta.dirname, "..", "..", "indicators", "definitions"));
const out = join(tmpdir(), `boussole-bench-release-${process.pid}`);
const loadBefore = loadavg()[0]!;
const started = performance.now();
const m = await publish(definitions, { warehouse, out });
const seconds = (performance.now() - started) / 1000;
// The independent attacker on what was published (public tables only): issue #12's promise.
const attackStarted = performance.now();
const attacked = await attackRelease(out);
const attackSeconds = (performance.now() - attackStarted) / 1000;
rmSync(out, { recursive: true, force: true });
rmSync(`${out}.internal`, { recursive: true, force: true });
const a = m.audit;
// The whole process (worker threads included): disclosure control runs in workers.
const cpu = process.cpuUsage();
console.log(
  JSON.stringify({
    seconds,
    loadBefore,
    loadAfter: loadavg()[0],
    cells: a.cellsPublished + a.hiddenSmallCount + a.hiddenComplementary + a.hiddenDerived,
    hiddenShare: a.hiddenShare,
    narrowestInterval: a.narrowestInterval,
    lpSolves: a.lpSolves,
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
    maxRssMb: process.resourceUsage().maxRSS / 1024,
    attackSeconds,
    attackLeaks: attacked.leaks.length,
    attackNarrowest: attacked.narrowestInterval,
  }),
);
