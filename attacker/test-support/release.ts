/**
 * Test support: a tiny writer of the documented public tables, a small world (Belgium, one
 * region, three zones of six municipalities) and a deliberately weakened publisher that
 * protects each series on its own — primary suppression of 1–4, then at most one
 * complementary cell per geography group and per breakdown — and ignores every link between
 * series, as the issue describes.
 */
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { Database } from "../../core/duckdb.ts";
import type { PublicArea, PublicCell, PublicIndicator, PublicRelease, PublicZoneMember } from "../types.ts";

export type TrueCell = Omit<PublicCell, "hidden"> & { numerator: number; denominator: number };

export const YEARS = [2020, 2021, 2022, 2023, 2024];
export const ZONES = ["z1", "z2", "z3"];

export const WORLD: { areas: PublicArea[]; zoneMembers: PublicZoneMember[] } = {
  areas: [
    { level: "belgium", systemCode: null, areaCode: "BE", regionCode: null, provinceCode: null },
    { level: "region", systemCode: null, areaCode: "R", regionCode: null, provinceCode: null },
    ...ZONES.map((z) => ({ level: "zone", systemCode: "S", areaCode: z, regionCode: "R", provinceCode: null })),
    ...[1, 2, 3, 4, 5, 6].map((m) => ({ level: "municipality", systemCode: null, areaCode: `m${m}`, regionCode: "R", provinceCode: null })),
  ],
  zoneMembers: [1, 2, 3, 4, 5, 6].map((m) => ({ systemCode: "S", zoneCode: ZONES[Math.floor((m - 1) / 2)]!, nisCode: `m${m}`, sectorCode: null })),
};

/**
 * Cells of one indicator stratum: zones from `counts(year, zone)` = [numerator, denominator],
 * Belgium as their sum.
 */
export function seriesCells(indicatorId: string, stratum: string, stratumValue: string, counts: (year: number, zone: string) => [number, number]): TrueCell[] {
  const out: TrueCell[] = [];
  for (const year of YEARS) {
    let n = 0;
    let d = 0;
    for (const z of ZONES) {
      const [num, den] = counts(year, z);
      n += num;
      d += den;
      out.push({ indicatorId, year, level: "zone", systemCode: "S", areaCode: z, stratum, stratumValue, numerator: num, denominator: den });
    }
    out.push({ indicatorId, year, level: "belgium", systemCode: null, areaCode: "BE", stratum, stratumValue, numerator: n, denominator: d });
  }
  return out;
}

/** A varied but deterministic count, so that series are not equal by accident. */
export const spread = (seed: number, year: number, zone: string, base = 40): number => base + ((seed * 7 + year * 13 + zone.charCodeAt(1) * 31) % 23);

export interface WeakOptions {
  /** Add complementary cells within each series (geography) and each breakdown. */
  complementary: boolean;
  /** `old`: small-count / complementary reasons; `suppressed`: one reason for all. */
  reasons: "old" | "suppressed";
}

const small = (x: number) => x >= 1 && x <= 4;

export function weakPublish(cells: readonly TrueCell[], indicators: readonly PublicIndicator[], options: WeakOptions): PublicCell[] {
  const proportion = new Set(indicators.filter((i) => i.statistic === "proportion").map((i) => i.id));
  const hidden = cells.map((c) => (small(c.numerator) || small(c.denominator) || (proportion.has(c.indicatorId) && small(c.denominator - c.numerator)) ? "small-count" : null) as string | null);
  if (options.complementary) {
    // Groups protected on their own: zones of one series-year, and breakdowns of one cell.
    const groups = new Map<string, number[]>();
    const add = (k: string, i: number) => (groups.get(k) ?? groups.set(k, []).get(k)!).push(i);
    cells.forEach((c, i) => {
      if (c.level === "zone") add(`g|${c.indicatorId}|${c.stratum}|${c.stratumValue}|${c.year}|${c.systemCode}`, i);
      if (c.stratum !== "total") add(`s|${c.indicatorId}|${c.stratum}|${c.year}|${c.level}|${c.areaCode}`, i);
    });
    for (let pass = 0; pass < 3; pass++) {
      for (const members of groups.values()) {
        if (members.filter((i) => hidden[i] !== null).length !== 1) continue;
        const open = members.filter((i) => hidden[i] === null).sort((a, b) => cells[a]!.denominator - cells[b]!.denominator || (cells[a]!.areaCode < cells[b]!.areaCode ? -1 : 1));
        if (open.length > 0) hidden[open[0]!] = "complementary";
      }
    }
  }
  return cells.map((c, i) => {
    const h = hidden[i]!;
    if (h === null) return { ...c, hidden: null };
    return { ...c, numerator: null, denominator: null, hidden: options.reasons === "old" ? h : "suppressed" };
  });
}

/** Writes the documented public tables (the columns the attacker reads) and a manifest. */
export async function writePublicRelease(dir: string, release: PublicRelease): Promise<void> {
  await mkdir(dir, { recursive: true });
  const db = await Database.open(join(dir, "published.duckdb"));
  try {
    const insert = async (table: string, columns: string, rows: (string | number | null)[][]) => {
      await db.run(`CREATE TABLE ${table} (${columns})`);
      for (let i = 0; i < rows.length; i += 500) {
        const chunk = rows.slice(i, i + 500);
        const marks = chunk.map((r) => `(${r.map(() => "?").join(", ")})`).join(", ");
        await db.run(`INSERT INTO ${table} VALUES ${marks}`, chunk.flat());
      }
    };
    await insert(
      "indicator",
      "id VARCHAR, statistic VARCHAR",
      release.indicators.map((i) => [i.id, i.statistic]),
    );
    await insert(
      "area",
      "level VARCHAR, system_code VARCHAR, area_code VARCHAR, region_code VARCHAR, province_code VARCHAR",
      release.areas.map((a) => [a.level, a.systemCode, a.areaCode, a.regionCode, a.provinceCode]),
    );
    await insert(
      "zone_member",
      "system_code VARCHAR, zone_code VARCHAR, nis_code VARCHAR, sector_code VARCHAR",
      release.zoneMembers.map((m) => [m.systemCode, m.zoneCode, m.nisCode, m.sectorCode]),
    );
    await insert(
      "cell",
      "indicator_id VARCHAR, year INTEGER, level VARCHAR, system_code VARCHAR, area_code VARCHAR, stratum VARCHAR, stratum_value VARCHAR, numerator DOUBLE, denominator DOUBLE, hidden VARCHAR",
      release.cells.map((c) => [c.indicatorId, c.year, c.level, c.systemCode, c.areaCode, c.stratum, c.stratumValue, c.numerator, c.denominator, c.hidden]),
    );
  } finally {
    db.close();
  }
  const manifest = { format: "boussole-release/1", disclosure: { minCount: release.minCount ?? 5, protectionWidth: release.protectionWidth ?? 5, publishZeros: true } };
  await writeFile(join(dir, "manifest.json"), JSON.stringify(manifest, null, 2));
}
