// The dashboard's only door to data: the public, aggregated API (/api/v1, server/README.md).
// Answers are cached per URL for the page's life; a release is immutable.
import { rewindForD3 } from "./geo.ts";
import type { Lang } from "./route.ts";

// The API's answers are typed by the server's own route schemas (z.infer of what each route
// declares and checks): type-only imports, so nothing of the server is bundled.
import type { z } from "zod";
import type { CompareSchema } from "../../../server/routes/compare.ts";
import type { AreasSchema, SystemsSchema, ZoneSchema } from "../../../server/routes/geography.ts";
import type { DetailSchema, ListSchema } from "../../../server/routes/indicators.ts";
import type { ProfileSchema } from "../../../server/routes/profile.ts";
import type { ReleaseSchema } from "../../../server/routes/release.ts";
import type { SearchSchema } from "../../../server/routes/search.ts";
import type { ValuesSchema } from "../../../server/routes/values.ts";
import type { PeriodsSchema } from "../../../server/routes/periods.ts";

export type Texts = Record<Lang, string>;
export type Area = z.infer<typeof AreasSchema>["areas"][number];
export type Cell = z.infer<typeof ValuesSchema>["cells"][number];
export type IndicatorSummary = z.infer<typeof ListSchema>["indicators"][number];
export type IndicatorDetail = z.infer<typeof DetailSchema>;
export type ZoneSystem = z.infer<typeof SystemsSchema>["systems"][number];
export type Release = z.infer<typeof ReleaseSchema>;
export type Profile = z.infer<typeof ProfileSchema>;
export type ProfileRow = Profile["indicators"][number];
export type SearchHit = z.infer<typeof SearchSchema>["results"][number];
export type CompareAnswer = z.infer<typeof CompareSchema>;
export type ZoneAnswer = z.infer<typeof ZoneSchema>;
export type PeriodsAnswer = z.infer<typeof PeriodsSchema>;
export type PeriodCell = PeriodsAnswer["cells"][number];

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
  systems: () => get<z.infer<typeof SystemsSchema>>("/geography/systems").then((r) => r.systems),
  areas: (level: string, system?: string) => get<z.infer<typeof AreasSchema>>("/geography/areas", { level, system }).then((r) => r.areas),
  zone: (system: string, zone: string) => get<ZoneAnswer>(`/geography/zones/${encodeURIComponent(system)}/${encodeURIComponent(zone)}`),
  search: (q: string, lang: Lang) => get<z.infer<typeof SearchSchema>>("/geography/search", { q, lang, limit: 12 }).then((r) => r.results),
  boundaries: (level: string, system?: string) => get<GeoJSON.FeatureCollection>("/geography/boundaries", { level, system, format: "geojson" }).then(rewindForD3),
  indicators: () => get<z.infer<typeof ListSchema>>("/indicators").then((r) => r.indicators),
  indicator: (id: string) => get<IndicatorDetail>(`/indicators/${encodeURIComponent(id)}`),
  values: (params: { indicator: string; level: string; system?: string; areas?: string; years?: string; stratum?: string }) =>
    get<z.infer<typeof ValuesSchema>>("/values", { ...params, format: "json" }).then((r) => r.cells),
  profile: (level: string, area: string, system?: string) => get<Profile>(`/profile/${encodeURIComponent(level)}/${encodeURIComponent(area)}`, { system }),
  /** An area's quarters or months (indicators with `subAnnual` only). */
  periods: (indicator: string, area: { level: string; system_code: string | null; area_code: string }) =>
    get<PeriodsAnswer>(`/indicators/${encodeURIComponent(indicator)}/periods`, { level: area.level, system: area.system_code ?? undefined, area: area.area_code, format: "json" }),
  compare: (indicator: string, areas: string[]) => get<CompareAnswer>("/compare", { indicator, areas: areas.join(",") }),
};

/** The zone system asked for, else the one with most zones (the national primary-care zones). */
export function chooseSystem<T extends { system_code: string; zones: number }>(systems: readonly T[], code: string | undefined): T | undefined {
  return systems.find((s) => s.system_code === code) ?? [...systems].sort((a, b) => b.zones - a.zones)[0];
}
