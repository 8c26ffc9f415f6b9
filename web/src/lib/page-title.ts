/**
 * The document's title for a route: what the view shows, in the reader's language, then
 * "Boussole". Screen readers announce it, tabs and history show it (WCAG 2.4.2 Page Titled), so
 * an indicator's page is named for its indicator, a profile for its area and a zone's cycles for
 * the zone once they are known.
 * Pure but for the lookups it is given (the API's answers, cached per page).
 */
import { pick, t, type MessageKey } from "./i18n/index.ts";
import type { Lang, Route } from "./route.ts";

export interface TitleLookups {
  /** An indicator's title in every language. */
  indicatorTitle: (id: string) => Promise<Partial<Record<Lang, string>>>;
  /** An area's name in the reader's language. */
  areaName: (level: string, code: string, system: string | undefined, lang: Lang) => Promise<string>;
  /** A zone's name in the reader's language (a network's PDCA cycles). */
  zoneName: (system: string, zone: string, lang: Lang) => Promise<string>;
}

const FIXED: Partial<Record<Route["view"], MessageKey>> = {
  home: "app.tagline",
  compare: "compare.title",
  overview: "overview.title",
  "not-found": "notFound.title",
};

/** The view's own name ("" when there is none to give), without the product's. */
export async function viewName(route: Route, lookups: TitleLookups): Promise<string> {
  const { lang } = route;
  const fixed = FIXED[route.view];
  if (fixed) return t(lang, fixed);
  if (route.view === "indicator") return pick(await lookups.indicatorTitle(route.id), lang);
  if (route.view === "profile") return route.level === "belgium" ? t(lang, "profile.belgium") : lookups.areaName(route.level, route.code, route.system, lang);
  if (route.view === "pdca") {
    const cycles = t(lang, "pdca.title");
    // A zone's cycles are named for the zone, as its network reads them.
    return route.system && route.zone ? `${await lookups.zoneName(route.system, route.zone, lang)} · ${cycles}` : cycles;
  }
  return "";
}

/** "<view> · Boussole", or "Boussole" alone when the view has no name or its lookup failed. */
export async function pageTitle(route: Route, lookups: TitleLookups): Promise<string> {
  const name = await viewName(route, lookups).catch(() => "");
  return name ? `${name} · Boussole` : "Boussole";
}
