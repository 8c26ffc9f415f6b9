/**
 * The attacker's only I/O: reads the public tables of a release (`cell`, `period_cell`,
 * `indicator`, `area`, `zone_member`) and the manifest's disclosure parameters. Internal tables are ignored.
 */
import { readFile } from "node:fs/promises";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { Database } from "../core/duckdb.ts";
import type { PublicRelease } from "./types.ts";

export async function readPublicRelease(dir: string): Promise<PublicRelease> {
  const db = await Database.open(join(dir, "published.duckdb"), { readOnly: true });
  try {
    const cells = await db.all<Record<string, unknown>>("SELECT indicator_id, year, level, system_code, area_code, stratum, stratum_value, numerator, denominator, hidden FROM cell");
    const indicators = await db.all<Record<string, unknown>>("SELECT id, statistic FROM indicator");
    const areas = await db.all<Record<string, unknown>>("SELECT level, system_code, area_code, region_code, province_code FROM area");
    const members = await db.all<Record<string, unknown>>("SELECT system_code, zone_code, nis_code, sector_code FROM zone_member");
    const hasPeriods = (await db.all<{ n: number }>("SELECT count(*) AS n FROM duckdb_tables() WHERE table_name = 'period_cell'"))[0]!.n > 0;
    const periods = hasPeriods
      ? await db.all<Record<string, unknown>>("SELECT indicator_id, year, period_kind, period_index, level, system_code, area_code, numerator, denominator, hidden FROM period_cell")
      : [];
    const release: PublicRelease = {
      cells: cells.map((r) => ({
        indicatorId: String(r.indicator_id),
        year: Number(r.year),
        level: String(r.level),
        systemCode: (r.system_code as string | null) ?? null,
        areaCode: String(r.area_code),
        stratum: String(r.stratum),
        stratumValue: String(r.stratum_value),
        numerator: r.numerator == null ? null : Number(r.numerator),
        denominator: r.denominator == null ? null : Number(r.denominator),
        hidden: (r.hidden as string | null) ?? null,
      })),
      indicators: indicators.map((r) => ({ id: String(r.id), statistic: String(r.statistic) })),
      areas: areas.map((r) => ({
        level: String(r.level),
        systemCode: (r.system_code as string | null) ?? null,
        areaCode: String(r.area_code),
        regionCode: (r.region_code as string | null) ?? null,
        provinceCode: (r.province_code as string | null) ?? null,
      })),
      periodCells: periods.map((r) => ({
        indicatorId: String(r.indicator_id),
        year: Number(r.year),
        periodKind: String(r.period_kind),
        periodIndex: Number(r.period_index),
        level: String(r.level),
        systemCode: (r.system_code as string | null) ?? null,
        areaCode: String(r.area_code),
        numerator: r.numerator == null ? null : Number(r.numerator),
        denominator: r.denominator == null ? null : Number(r.denominator),
        hidden: (r.hidden as string | null) ?? null,
      })),
      zoneMembers: members.map((r) => ({
        systemCode: String(r.system_code),
        zoneCode: String(r.zone_code),
        nisCode: String(r.nis_code),
        sectorCode: (r.sector_code as string | null) ?? null,
      })),
    };
    const manifestPath = join(dir, "manifest.json");
    if (existsSync(manifestPath)) {
      const manifest = JSON.parse(await readFile(manifestPath, "utf8")) as { disclosure?: { minCount?: number; protectionWidth?: number } };
      release.minCount = manifest.disclosure?.minCount;
      release.protectionWidth = manifest.disclosure?.protectionWidth;
    }
    return release;
  } finally {
    db.close();
  }
}
