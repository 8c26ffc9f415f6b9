// The whole state of a view lives in its URL: /{lang}/{view}/… plus a few query parameters.
// parseRoute and routeHref are inverses (tested), so a link, a reload and back/forward all
// land on the same view. Pure: no DOM, no fetch.

import { isLanguage, LANGUAGES as LANGS, preferredLanguage, type Language as Lang } from "../../../core/languages.ts";

export { LANGS, type Lang };
export const PROFILE_LEVELS = ["belgium", "region", "province", "zone", "municipality"] as const;
export type ProfileLevel = (typeof PROFILE_LEVELS)[number];
export type IndicatorType = "process" | "outcome";
export type Legend = "significance" | "quintile";
export type Benchmark = "belgium" | "region";
export type Breakdown = "sex" | "age-band" | "bim";
/** The trend's time step: years, or the indicator's quarters or months when it has them. */
export type Step = "years" | "periods";

export interface HomeRoute {
  view: "home";
  lang: Lang;
  system?: string;
}
export interface ProfileRoute {
  view: "profile";
  lang: Lang;
  level: ProfileLevel;
  code: string;
  system?: string;
  type?: IndicatorType;
}
export interface IndicatorRoute {
  view: "indicator";
  lang: Lang;
  id: string;
  system?: string;
  year?: number;
  legend: Legend;
  benchmark: Benchmark;
  /** Zones chosen for the trend lines (codes in `system`). */
  zones: string[];
  breakdown: Breakdown;
  step: Step;
}
/** The "tartan rug": every zone of a system × every indicator, coloured by comparison. */
export interface OverviewRoute {
  view: "overview";
  lang: Lang;
  system?: string;
  benchmark: Benchmark;
  aim?: string;
}
export interface CompareRoute {
  view: "compare";
  lang: Lang;
  indicator?: string;
  areas: string[];
}
export interface PdcaRoute {
  view: "pdca";
  lang: Lang;
  system?: string;
  zone?: string;
  cycle?: string;
  /** A closed cycle the new one follows. */ follow?: string;
}
export interface NotFoundRoute {
  view: "not-found";
  lang: Lang;
  path: string;
}
export type Route = HomeRoute | ProfileRoute | IndicatorRoute | OverviewRoute | CompareRoute | PdcaRoute | NotFoundRoute;

const CODE = /^[A-Za-z0-9_.-]{1,40}$/;
const ID = /^[a-z0-9][a-z0-9-]{0,79}$/;
const TOKEN = /^((belgium|region|province|municipality):[A-Za-z0-9_.-]{1,40}|zone:[A-Za-z0-9_.-]{1,40}:[A-Za-z0-9_.-]{1,40})$/;

export const isLang = isLanguage;

/** The browser's preferred language among ours; English otherwise. */
export const preferredLang = preferredLanguage;

function code(s: string | null | undefined): string | undefined {
  return s && CODE.test(s) ? s : undefined;
}
function codes(s: string | null, pattern = CODE, max = 12): string[] {
  if (!s) return [];
  return [...new Set(s.split(",").filter((x) => pattern.test(x)))].slice(0, max);
}
function oneOf<T extends string>(s: string | null, allowed: readonly T[], fallback: T): T {
  return (allowed as readonly string[]).includes(s ?? "") ? (s as T) : fallback;
}
function optionalOneOf<T extends string>(s: string | null, allowed: readonly T[]): T | undefined {
  return (allowed as readonly string[]).includes(s ?? "") ? (s as T) : undefined;
}

/** Reads a route from a path and query string; anything unknown falls back to a sensible view. */
export function parseRoute(pathname: string, search = "", fallbackLang: Lang = "en"): Route {
  const parts = pathname.split("/").filter(Boolean).map(decodeURIComponent);
  const q = new URLSearchParams(search);
  const first = parts[0];
  const lang = isLang(first) ? first : fallbackLang;
  if (!isLang(first)) return parts.length === 0 ? { view: "home", lang } : { view: "not-found", lang, path: pathname };
  const [view, a, b, c] = parts.slice(1);
  const system = code(q.get("system"));
  switch (view) {
    case undefined:
      return { view: "home", lang, ...(system ? { system } : {}) };
    case "belgium":
      return profile(lang, "belgium", "BE", undefined, q);
    case "region":
    case "province":
    case "municipality":
      if (code(a) && b === undefined) return profile(lang, view, a!, undefined, q);
      break;
    case "zone":
      if (code(a) && code(b) && c === undefined) return profile(lang, "zone", b!, a, q);
      break;
    case "indicator":
      if (a && ID.test(a) && b === undefined) {
        const year = Number(q.get("year"));
        return {
          view: "indicator",
          lang,
          id: a,
          ...(system ? { system } : {}),
          ...(Number.isInteger(year) && year >= 1900 && year <= 2199 ? { year } : {}),
          legend: oneOf(q.get("legend"), ["significance", "quintile"], "significance"),
          benchmark: oneOf(q.get("benchmark"), ["belgium", "region"], "belgium"),
          zones: codes(q.get("zones"), CODE, 8),
          breakdown: oneOf(q.get("breakdown"), ["sex", "age-band", "bim"], "sex"),
          step: oneOf(q.get("step"), ["years", "periods"], "years"),
        };
      }
      break;
    case "overview":
      if (a === undefined) {
        const aim = q.get("aim");
        return { view: "overview", lang, ...(system ? { system } : {}), benchmark: oneOf(q.get("benchmark"), ["belgium", "region"], "belgium"), ...(aim && ID.test(aim) ? { aim } : {}) };
      }
      break;
    case "compare": {
      const indicator = q.get("indicator");
      return { view: "compare", lang, ...(indicator && ID.test(indicator) ? { indicator } : {}), areas: codes(q.get("areas"), TOKEN, 12) };
    }
    case "pdca":
      if (a === undefined) return { view: "pdca", lang };
      if (code(a) && code(b) && (c === undefined || code(c))) {
        const follow = code(q.get("follow"));
        return { view: "pdca", lang, system: a, zone: b, ...(c ? { cycle: c } : {}), ...(follow && !c ? { follow } : {}) };
      }
      break;
  }
  return { view: "not-found", lang, path: pathname };
}

function profile(lang: Lang, level: ProfileLevel, code: string, system: string | undefined, q: URLSearchParams): ProfileRoute {
  const type = optionalOneOf(q.get("type"), ["process", "outcome"] as const);
  return { view: "profile", lang, level, code, ...(system ? { system } : {}), ...(type ? { type } : {}) };
}

function query(entries: [string, string | number | undefined | false][]): string {
  const q = new URLSearchParams();
  for (const [k, v] of entries) if (v !== undefined && v !== false && v !== "") q.set(k, String(v));
  const s = q.toString().replaceAll("%2C", ",").replaceAll("%3A", ":");
  return s ? `?${s}` : "";
}

/** The URL of a route (path and query); defaults are left out so links stay short. */
export function routeHref(route: Route): string {
  const base = `/${route.lang}`;
  const e = encodeURIComponent;
  switch (route.view) {
    case "home":
      return `${base}/${query([["system", route.system]])}`;
    case "profile": {
      const path = route.level === "belgium" ? "/belgium" : route.level === "zone" ? `/zone/${e(route.system ?? "")}/${e(route.code)}` : `/${route.level}/${e(route.code)}`;
      return `${base}${path}${query([["type", route.type]])}`;
    }
    case "indicator":
      return `${base}/indicator/${e(route.id)}${query([
        ["system", route.system],
        ["year", route.year],
        ["legend", route.legend !== "significance" && route.legend],
        ["benchmark", route.benchmark !== "belgium" && route.benchmark],
        ["zones", route.zones.join(",")],
        ["breakdown", route.breakdown !== "sex" && route.breakdown],
        ["step", route.step !== "years" && route.step],
      ])}`;
    case "overview":
      return `${base}/overview${query([
        ["system", route.system],
        ["benchmark", route.benchmark !== "belgium" && route.benchmark],
        ["aim", route.aim],
      ])}`;
    case "compare":
      return `${base}/compare${query([
        ["indicator", route.indicator],
        ["areas", route.areas.join(",")],
      ])}`;
    case "pdca":
      return `${base}/pdca${route.system && route.zone ? `/${e(route.system)}/${e(route.zone)}${route.cycle ? `/${e(route.cycle)}` : query([["follow", route.follow]])}` : ""}`;
    case "not-found":
      return route.path;
  }
}

/** The same view in another language. */
export function withLang(route: Route, lang: Lang): string {
  if (route.view === "not-found") return `/${lang}/`;
  return routeHref({ ...route, lang });
}

export function indicatorRoute(lang: Lang, id: string, rest: Partial<Omit<IndicatorRoute, "view" | "lang" | "id">> = {}): IndicatorRoute {
  return { view: "indicator", lang, id, legend: "significance", benchmark: "belgium", zones: [], breakdown: "sex", step: "years", ...rest };
}

/** "zone:ZPL:Z04" / "region:03000" ↔ parts; used by compare links. */
export function areaToken(level: string, code: string, system?: string | null): string {
  return level === "zone" ? `zone:${system}:${code}` : `${level}:${code}`;
}
export function parseAreaToken(token: string): { level: ProfileLevel; code: string; system?: string } | undefined {
  const parts = token.split(":");
  if (parts[0] === "zone" && parts.length === 3) return { level: "zone", system: parts[1]!, code: parts[2]! };
  if (parts.length === 2 && (PROFILE_LEVELS as readonly string[]).includes(parts[0]!)) return { level: parts[0] as ProfileLevel, code: parts[1]! };
  return undefined;
}
