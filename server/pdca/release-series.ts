// What a cycle reads from the release: its zone's yearly series of an indicator (total
// stratum, published values only: a hidden cell is a null year) and the baseline cell.
import { badRequest } from "../api-error.ts";
import { areaKey, type IndicatorRow } from "../catalog.ts";
import { CellFilter, selectCells } from "../cell-query.ts";
import type { Release } from "../release.ts";
import type { Baseline, Zone } from "../../pdca/store/types.ts";

export interface YearCell {
  year: number;
  value: number | null;
  lower95: number | null;
  upper95: number | null;
  hidden: string | null;
}

export function checkZone(release: Release, zone: Zone, field = "zone"): void {
  if (!release.catalog.systems.some((s) => s.system_code === zone.system)) throw badRequest("unknown-zone-system", `body field '${field}': unknown zone system '${zone.system}'`, { system: zone.system });
  if (!release.catalog.area.has(areaKey("zone", zone.system, zone.zone))) throw badRequest("unknown-zone", `body field '${field}': unknown zone '${zone.zone}' in system ${zone.system}`, { zone: zone.zone, system: zone.system });
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

/** The baseline cell: the given year, or the latest published one. */
export async function takeBaseline(release: Release, indicatorId: string, zone: Zone, year: number | undefined): Promise<Baseline> {
  zoneIndicator(release, indicatorId);
  const series = await zoneSeries(release, indicatorId, zone);
  const cell = year === undefined ? series.filter((c) => c.value !== null).at(-1) : series.find((c) => c.year === year);
  if (!cell) throw badRequest(year === undefined ? "no-baseline" : "baseline-year-missing", year === undefined ? `no published cell of '${indicatorId}' for zone ${zone.zone}: no baseline` : `body field 'baselineYear': no cell of '${indicatorId}' for zone ${zone.zone} in ${year}`, { id: indicatorId, zone: zone.zone, year: year ?? "" });
  if (cell.value === null) throw badRequest("baseline-hidden", `body field 'baselineYear': the ${cell.year} cell of '${indicatorId}' for zone ${zone.zone} is hidden (disclosure control); choose another year`, { id: indicatorId, zone: zone.zone, year: cell.year });
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
