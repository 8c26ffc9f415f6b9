// The dashboard's only door to data: the public, aggregated API (/api/v1, server/README.md).
// Answers are cached per URL for the page's life; a release is immutable.
import { rewindForD3 } from "./geo.ts";
import type { Lang } from "./route.ts";

// The API's row types are the server's own (type-only imports: nothing of the server is bundled).
import type { Cell as ServerCell } from "../../../server/cells.ts";
import type { AreaRow, ZoneSystemRow } from "../../../server/catalog.ts";
import type { IndicatorSummarySchema } from "../../../server/schemas.ts";
import type { z } from "zod";

export type Texts = Record<Lang, string>;
export type Area = AreaRow;
export type Cell = ServerCell;
export type IndicatorSummary = z.infer<typeof IndicatorSummarySchema>;
export interface IndicatorDetail extends IndicatorSummary {
  metadata: Record<string, Texts>;
  targets: unknown;
  yearsByLevel: Record<string, number[]>;
}
export interface ZoneSystem extends ZoneSystemRow { zones: number }
export interface Release { releaseId: string; createdAt: string; lastUpdated: string; synthetic: boolean; producer: string | null; years: { first: number; last: number } | null; title: string | null }
export interface ProfileRow {
  indicator: Pick<IndicatorSummary, "id" | "aim" | "type" | "statistic" | "unit" | "polarity" | "title">;
  year: number;
  cell: Cell;
  region: Cell | null;
  belgium: Cell | null;
  distribution: { count: number; min: number; q1: number; median: number; q3: number; max: number } | null;
  series: { year: number; value: number | null; lower95: number | null; upper95: number | null; hidden: string | null }[];
}
export interface Profile { releaseId: string; area: Area; region: Area | null; peers: { level: string; system_code: string | null; areas: number } | null; indicators: ProfileRow[] }
export interface SearchHit { area: Area; name: string; matched: string; zones: { area: Area; name: string; partial: boolean }[] }
export interface CompareAnswer { indicator: { id: string; unit: string; statistic: string; polarity: string }; years: number[]; series: { token: string; area: Area; cells: Cell[] }[] }
export interface ZoneAnswer { zone: Area; members: { nis_code: string; sector_code: string | null; municipality: Area | null }[] }

/** An error answer of the API: its status, stable code and values (shown through error-text.ts), and the English message for logs. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly code?: string,
    readonly params?: Record<string, string | number>,
  ) {
    super(message);
  }
}

/** The ApiError of an answer that is not ok. */
export function apiErrorOf(r: Response, body: unknown): ApiError {
  const b = (body ?? {}) as { message?: string; code?: string; params?: Record<string, string | number> };
  return new ApiError(r.status, b.message ?? r.statusText, b.code, b.params);
}

const cache = new Map<string, Promise<unknown>>();

export function get<T>(path: string, params: Record<string, string | number | undefined> = {}): Promise<T> {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== "") q.set(k, String(v));
  const url = `/api/v1${path}${q.size ? `?${q}` : ""}`;
  let answer = cache.get(url) as Promise<T> | undefined;
  if (!answer) {
    answer = fetch(url, { headers: { accept: "application/json" } }).then(async (r) => {
      const body = await r.json().catch(() => null);
      if (!r.ok) throw apiErrorOf(r, body);
      return body as T;
    });
    cache.set(url, answer);
    answer.catch(() => cache.delete(url));
  }
  return answer;
}

export function areaName(area: Pick<Area, "name_fr" | "name_nl" | "name_de" | "name_en"> | null | undefined, lang: Lang): string {
  if (!area) return "";
  return area[`name_${lang}`] || area.name_en;
}

export const api = {
  release: () => get<Release>("/release"),
  systems: () => get<{ systems: ZoneSystem[] }>("/geography/systems").then((r) => r.systems),
  areas: (level: string, system?: string) => get<{ areas: Area[] }>("/geography/areas", { level, system }).then((r) => r.areas),
  zone: (system: string, zone: string) => get<ZoneAnswer>(`/geography/zones/${encodeURIComponent(system)}/${encodeURIComponent(zone)}`),
  search: (q: string, lang: Lang) => get<{ results: SearchHit[] }>("/geography/search", { q, lang, limit: 12 }).then((r) => r.results),
  boundaries: (level: string, system?: string) => get<GeoJSON.FeatureCollection>("/geography/boundaries", { level, system, format: "geojson" }).then(rewindForD3),
  indicators: () => get<{ indicators: IndicatorSummary[] }>("/indicators").then((r) => r.indicators),
  indicator: (id: string) => get<IndicatorDetail>(`/indicators/${encodeURIComponent(id)}`),
  values: (params: { indicator: string; level: string; system?: string; areas?: string; years?: string; stratum?: string }) =>
    get<{ cells: Cell[] }>("/values", { ...params, format: "json" }).then((r) => r.cells),
  profile: (level: string, area: string, system?: string) => get<Profile>(`/profile/${encodeURIComponent(level)}/${encodeURIComponent(area)}`, { system }),
  compare: (indicator: string, areas: string[]) => get<CompareAnswer>("/compare", { indicator, areas: areas.join(",") }),
};

/** The zone system asked for, else the one with most zones (the national primary-care zones). */
export function chooseSystem<T extends { system_code: string; zones: number }>(systems: readonly T[], code: string | undefined): T | undefined {
  return systems.find((s) => s.system_code === code) ?? [...systems].sort((a, b) => b.zones - a.zones)[0];
}
