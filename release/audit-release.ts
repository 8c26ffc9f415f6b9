/**
 * `boussole audit DIR`: re-audits a release from its two files alone, without the warehouse
 * and without the code path that chose the hidden cells:
 *
 * 1. no published count of the disclosure model (numerators, denominators) is from 1 to
 *    minCount − 1, unless it was already public (a known fact of the previous release);
 * 2. no hidden cell carries a number (value, counts, limits, comparisons, trend, gaps);
 * 3. every cell hidden for a small count, attacked with everything published (the model's
 *    relations and published values, kept by the publisher beside the release), keeps a
 *    feasible interval at least protectionWidth wide (LP, HiGHS), with no exception: a cell
 *    "capped" by values already public fails too.
 *
 * What it cannot re-check: latent cells (a proportion's denominator minus numerator) are
 * protected at publication, where their true values are known; the release does not say
 * which are small, since saying so would itself disclose it.
 */
import { readFile } from "node:fs/promises";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { Database } from "../core/duckdb.ts";
import { auditRelease, type SdcRelease } from "../disclosure/index.ts";
import { CELL_TABLE, PERIOD_CELL_TABLE, ReadableManifestSchema } from "./format.ts";
import { internalDir, type SdcCellRow } from "./write-release.ts";

export interface ReleaseAudit {
  passed: boolean;
  releaseId: string;
  failures: string[];
  checkedCells: number;
  attackedCells: number;
  narrowestInterval: number | null;
  seconds: number;
}

/** What a hidden cell must not carry: every column but its keys and reason (release/format.ts). */
const NUMBERS = CELL_TABLE.values;
const PERIOD_NUMBERS = PERIOD_CELL_TABLE.values;

export async function auditReleaseDir(dir: string): Promise<ReleaseAudit> {
  const started = performance.now();
  const manifest = ReadableManifestSchema.parse(JSON.parse(await readFile(join(dir, "manifest.json"), "utf8")));
  const { minCount, protectionWidth, publishZeros } = manifest.disclosure;
  const failures: string[] = [];
  const db = await Database.open(join(dir, "published.duckdb"), { readOnly: true });
  // The disclosure model is the publisher's internal state, kept beside the release.
  const internal = join(internalDir(dir), "disclosure.duckdb");
  if (!existsSync(internal)) throw new Error(`${internal} not found: the trusted audit needs the publisher's internal state`);
  await db.run(`ATTACH '${internal.replace(/'/g, "''")}' AS internal (READ_ONLY)`);
  const stateOf = (await db.all<{ release_id: string }>(`SELECT release_id FROM internal.meta`))[0]?.release_id;
  if (stateOf !== manifest.releaseId) failures.push(`${internal} belongs to release ${stateOf}, not ${manifest.releaseId}`);
  let sdcCells: SdcCellRow[];
  let relations: { problem: string; total: string; parts: string[] }[];
  let checkedCells: number;
  try {
    const small = await db.all<{ id: string; value: number }>(`SELECT id, value FROM internal.sdc_cell WHERE value BETWEEN 1 AND ${minCount - 1} AND NOT known`);
    for (const s of small.slice(0, 20)) failures.push(`published count ${s.value} below ${minCount}: ${s.id}`);
    if (small.length > 20) failures.push(`… and ${small.length - 20} more published small counts`);
    const leaking = await db.all<{ n: number }>(`SELECT count(*) AS n FROM cell WHERE hidden IS NOT NULL AND (${NUMBERS.map((c) => `${c} IS NOT NULL`).join(" OR ")})`);
    if (leaking[0]!.n > 0) failures.push(`${leaking[0]!.n} hidden cell(s) carry a number`);
    // Sub-annual periods (releases before them lack the table): the same rule; their counts are in the model.
    const periods = (await db.all<{ n: number }>(`SELECT count(*) AS n FROM duckdb_tables() WHERE table_name = 'period_cell' AND database_name = current_database()`))[0]!.n > 0;
    let periodCells = 0;
    if (periods) {
      const leakingPeriods = await db.all<{ n: number }>(`SELECT count(*) AS n FROM period_cell WHERE hidden IS NOT NULL AND (${PERIOD_NUMBERS.map((c) => `${c} IS NOT NULL`).join(" OR ")})`);
      if (leakingPeriods[0]!.n > 0) failures.push(`${leakingPeriods[0]!.n} hidden period cell(s) carry a number`);
      const small = await db.all<{ n: number }>(`SELECT count(*) AS n FROM period_cell WHERE hidden IS NULL AND numerator BETWEEN 1 AND ${minCount - 1}`);
      if (small[0]!.n > 0) failures.push(`${small[0]!.n} published period cell(s) count 1 to ${minCount - 1} events`);
      periodCells = (await db.all<{ n: number }>(`SELECT count(*) AS n FROM period_cell`))[0]!.n;
    }
    checkedCells = (await db.all<{ n: number }>(`SELECT count(*) AS n FROM cell`))[0]!.n + periodCells;
    sdcCells = await db.all<SdcCellRow>(`SELECT problem, id, publishable, known, value, is_primary FROM internal.sdc_cell`);
    relations = (await db.all<{ problem: string; total: string; parts: string[] }>(`SELECT problem, total, parts FROM internal.sdc_relation`)).map((r) => ({
      ...r,
      parts: [...(r.parts as unknown as string[])],
    }));
  } finally {
    db.close();
  }
  let attacked = 0;
  let narrowest: number | null = null;
  const problems = new Map<string, SdcRelease>();
  for (const c of sdcCells) {
    let p = problems.get(c.problem);
    if (!p) problems.set(c.problem, (p = { cells: [], relations: [], sensitive: [] }));
    p.cells.push({ id: c.id, publishable: c.publishable, ...(c.known ? { known: true } : {}), ...(c.value !== null ? { value: c.value } : {}) });
    if (c.is_primary) p.sensitive.push(c.id);
  }
  for (const r of relations) problems.get(r.problem)?.relations.push({ total: r.total, parts: r.parts });
  for (const [key, release] of problems) {
    if (release.sensitive.length === 0) continue;
    const result = await auditRelease(release, { minCount, protectionWidth, publishZeros });
    attacked += result.cells.length;
    for (const f of result.failing.slice(0, 10)) failures.push(`${key}: ${f.id} can be narrowed to [${f.min}, ${f.max}] (width ${f.width} < ${f.required})`);
    // No exception to the width: a "capped" cell (its ceiling below the width, because of
    // values already public) is a count narrower than the width all the same.
    for (const c of result.cells.filter((x) => x.pass && (x.status === "hidden" || x.status === "latent") && x.width < protectionWidth).slice(0, 10)) {
      failures.push(`${key}: ${c.id} can be narrowed to [${c.min}, ${c.max}] (width ${c.width} < ${protectionWidth}; capped by known values, which is no exception)`);
    }
    const w = result.narrowest?.width;
    if (w !== undefined && (narrowest === null || w < narrowest)) narrowest = w;
  }
  return { passed: failures.length === 0, releaseId: manifest.releaseId, failures, checkedCells, attackedCells: attacked, narrowestInterval: narrowest, seconds: (performance.now() - started) / 1000 };
}
