// What a cycle reads from the release: its zone's yearly series of an indicator (total
// stratum, published values only: a hidden cell is a null year), or its quarterly or monthly
// one when the release has enough of it, and the baseline cell.
import { badRequest } from "../api-error.ts";
import { areaKey, type IndicatorRow } from "../catalog.ts";
import { CellFilter, selectCells } from "../cell-query.ts";
import { selectPeriodCells } from "../period-cells.ts";
import type { Release } from "../release.ts";
import { parsePeriod, periodName, periodsBetween, type Granularity } from "../../core/periods.ts";
import type { Baseline, Zone } from "../../pdca/store/types.ts";

export interface YearCell {
  year: number;
  /** A sub-annual point: its period ("2024-Q1"); absent on yearly points. */
  period?: string;
  value: number | null;
  lower95: number | null;
  upper95: number | null;
  hidden: string | null;
}

export function checkZone(release: Release, zone: Zone, field = "zone"): void {
  if (!release.catalog.systems.some((s) => s.system_code === zone.system))
    throw badRequest("unknown-zone-system", `body field '${field}': unknown zone system '${zone.system}'`, { system: zone.system });
  if (!release.catalog.area.has(areaKey("zone", zone.system, zone.zone)))
    throw badRequest("unknown-zone", `body field '${field}': unknown zone '${zone.zone}' in system ${zone.system}`, { zone: zone.zone, system: zone.system });
}

/** The indicator, which must exist and have zone-level cells in the release. */
export function zoneIndicator(release: Release, id: string): IndicatorRow {
  const indicator = release.catalog.indicator.get(id);
  if (!indicator) throw badRequest("unknown-indicator", `body field 'indicators': unknown indicator '${id}'`, { id });
  if (!indicator.years.zone?.length) throw badRequest("indicator-without-zone-cells", `body field 'indicators': indicator '${id}' has no zone-level cells in this release`, { id });
  return indicator;
}

/** Every year from the indicator's first to its last zone-level year; a year without a published cell has value null. */
export async function zoneSeries(release: Release, indicatorId: string, zone: Zone): Promise<YearCell[]> {
  const years = release.catalog.indicator.get(indicatorId)?.years.zone ?? [];
  if (years.length === 0) return [];
  const cells = await selectCells(release.db, new CellFilter().eq("indicator_id", indicatorId).eq("level", "zone").same("system_code", zone.system).eq("area_code", zone.zone).eq("stratum", "total"));
  const byYear = new Map(cells.map((c) => [c.year, c]));
  const first = Math.min(...years);
  const last = Math.max(...years);
  return Array.from({ length: last - first + 1 }, (_, i) => {
    const c = byYear.get(first + i);
    return { year: first + i, value: c?.value ?? null, lower95: c?.lower95 ?? null, upper95: c?.upper95 ?? null, hidden: c?.hidden ?? (c ? null : "missing") };
  });
}

/** Fewest published periods for the check to take them instead of the years (MDC wants 15–20 points; years give 6). */
export const MIN_PERIOD_POINTS = 12;

/** Every period from the indicator's first to its last zone-level period; null where hidden or missing. Empty without periods. */
export async function zonePeriodSeries(release: Release, indicatorId: string, zone: Zone): Promise<YearCell[]> {
  const range = release.catalog.indicator.get(indicatorId)?.periods.zone;
  const first = range && parsePeriod(range.first);
  const last = range && parsePeriod(range.last);
  if (!first || !last || first.kind !== last.kind) return [];
  const cells = await selectPeriodCells(release.db, indicatorId, { level: "zone", system_code: zone.system, area_code: zone.zone });
  const byPeriod = new Map(cells.map((c) => [c.period, c]));
  return periodsBetween(first, last).map((p) => {
    const period = periodName(p);
    const c = byPeriod.get(period);
    return { year: p.year, period, value: c?.value ?? null, lower95: c?.lower95 ?? null, upper95: c?.upper95 ?? null, hidden: c?.hidden ?? (c ? null : "missing") };
  });
}

/** The series a check reads: the zone's periods when it has at least MIN_PERIOD_POINTS published, else its years. */
export async function checkSeries(release: Release, indicatorId: string, zone: Zone): Promise<{ granularity: Granularity; series: YearCell[] }> {
  const indicator = release.catalog.indicator.get(indicatorId);
  if (indicator?.sub_annual) {
    const series = await zonePeriodSeries(release, indicatorId, zone);
    if (series.filter((p) => p.value !== null).length >= MIN_PERIOD_POINTS) return { granularity: indicator.sub_annual, series };
  }
  return { granularity: "year", series: await zoneSeries(release, indicatorId, zone) };
}

/** The baseline cell: the given year, or the latest published one. */
export async function takeBaseline(release: Release, indicatorId: string, zone: Zone, year: number | undefined): Promise<Baseline> {
  zoneIndicator(release, indicatorId);
  const series = await zoneSeries(release, indicatorId, zone);
  const cell = year === undefined ? series.filter((c) => c.value !== null).at(-1) : series.find((c) => c.year === year);
  if (!cell)
    throw badRequest(
      year === undefined ? "no-baseline" : "baseline-year-missing",
      year === undefined ? `no published cell of '${indicatorId}' for zone ${zone.zone}: no baseline` : `body field 'baselineYear': no cell of '${indicatorId}' for zone ${zone.zone} in ${year}`,
      { id: indicatorId, zone: zone.zone, year: year ?? "" },
    );
  if (cell.value === null)
    throw badRequest("baseline-hidden", `body field 'baselineYear': the ${cell.year} cell of '${indicatorId}' for zone ${zone.zone} is hidden (disclosure control); choose another year`, {
      id: indicatorId,
      zone: zone.zone,
      year: cell.year,
    });
  return { indicator: indicatorId, year: cell.year, value: cell.value, lower: cell.lower95, upper: cell.upper95, releaseId: release.id };
}

/** The first numeric target of the release's indicator ({value} or [{value, label}]), or null. */
export function releaseTarget(indicator: IndicatorRow | undefined): number | null {
  const targets = indicator?.targets;
  const list = Array.isArray(targets) ? targets : targets ? [targets] : [];
  for (const t of list) {
    const value = (t as { value?: unknown } | null)?.value;
    if (typeof value === "number" && Number.isFinite(value)) return value;
  }
  return null;
}

/** Runs `work` on the current release, holding it until done (a swap waits for us). */
export async function withRelease<T>(request: { server: { releases: { acquire(): { release: Release; done(): void } } } }, work: (release: Release) => Promise<T>): Promise<T> {
  const lease = request.server.releases.acquire();
  try {
    return await work(lease.release);
  } finally {
    lease.done();
  }
}
