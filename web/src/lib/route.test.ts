import { describe, expect, it } from "vitest";
import { indicatorRoute, parseAreaToken, parseRoute, preferredLang, routeHref, withLang, type Route } from "./route.ts";

const parse = (href: string, fallback: "fr" | "en" = "en") => {
  const url = new URL(href, "http://x");
  return parseRoute(url.pathname, url.search, fallback);
};

describe("URL state", () => {
  const routes: Route[] = [
    { view: "home", lang: "fr" },
    { view: "home", lang: "nl", system: "ZPL" },
    { view: "profile", lang: "de", level: "belgium", code: "BE" },
    { view: "profile", lang: "en", level: "region", code: "03000", type: "outcome" },
    { view: "profile", lang: "fr", level: "zone", system: "ZPL", code: "Z04" },
    indicatorRoute("nl", "gmd-coverage"),
    indicatorRoute("en", "premature-mortality", { system: "ZPL", year: 2023, legend: "quintile", benchmark: "region", zones: ["Z02", "Z05"], breakdown: "age-band" }),
    indicatorRoute("fr", "premature-mortality", { zones: ["Z03"], step: "periods" }),
    { view: "compare", lang: "de", indicator: "gp-contact", areas: ["belgium:BE", "region:02000", "zone:ZPL:Z01"] },
    { view: "compare", lang: "en", areas: [] },
    { view: "overview", lang: "nl", benchmark: "belgium" },
    { view: "overview", lang: "de", system: "elz", benchmark: "region", aim: "population-health" },
    { view: "pdca", lang: "fr" },
    { view: "pdca", lang: "fr", system: "ZPL", zone: "Z01", cycle: "c-12" },
    { view: "pdca", lang: "nl", system: "ZPL", zone: "Z01", follow: "0f8fad5b-d9cb-469f-a165-70867728950e" },
  ];
  it.each(routes.map((r) => [routeHref(r), r] as const))("reads %s back into the same view", (href, route) => {
    expect(parse(href)).toEqual(route);
  });

  it("keeps the overview's state in its URL, defaults left out", () => {
    expect(routeHref({ view: "overview", lang: "fr", benchmark: "belgium" })).toBe("/fr/overview");
    expect(routeHref({ view: "overview", lang: "fr", system: "dg", benchmark: "region", aim: "equity" })).toBe("/fr/overview?system=dg&benchmark=region&aim=equity");
    expect(parse("/fr/overview?benchmark=nope&aim=<x>")).toEqual({ view: "overview", lang: "fr", benchmark: "belgium" });
    expect(parse("/fr/overview/extra").view).toBe("not-found");
  });

  it("leaves defaults out of links and keeps list separators readable", () => {
    expect(routeHref(indicatorRoute("en", "gmd-coverage"))).toBe("/en/indicator/gmd-coverage");
    expect(routeHref(indicatorRoute("en", "x", { zones: ["Z1", "Z2"], legend: "quintile" }))).toBe("/en/indicator/x?legend=quintile&zones=Z1,Z2");
    expect(routeHref({ view: "compare", lang: "fr", areas: ["zone:ZPL:Z01"] })).toBe("/fr/compare?areas=zone:ZPL:Z01");
  });

  it("keeps the trend's time step in the URL, years left out", () => {
    expect(routeHref(indicatorRoute("nl", "premature-mortality", { zones: ["Z03"], step: "periods" }))).toBe("/nl/indicator/premature-mortality?zones=Z03&step=periods");
    expect(routeHref(indicatorRoute("nl", "premature-mortality", { step: "years" }))).toBe("/nl/indicator/premature-mortality");
    expect(parse("/fr/indicator/premature-mortality?step=periods")).toMatchObject({ step: "periods" });
    expect(parse("/fr/indicator/premature-mortality?step=weeks")).toMatchObject({ step: "years" });
  });

  it("drops what it cannot trust from a hand-edited URL instead of failing", () => {
    expect(parse("/en/indicator/gmd-coverage?year=abc&legend=rainbow&zones=Z01,<script>,Z01&breakdown=x")).toEqual(indicatorRoute("en", "gmd-coverage", { zones: ["Z01"] }));
    expect(parse("/en/compare?areas=zone:ZPL,region:02000,foo:bar")).toEqual({ view: "compare", lang: "en", areas: ["region:02000"] });
    expect(parse("/en/zone/ZPL")).toEqual({ view: "not-found", lang: "en", path: "/en/zone/ZPL" });
    expect(parse("/en/indicator/Bad_Id")).toMatchObject({ view: "not-found" });
  });

  it("sends a path without a language to the reader's language", () => {
    expect(parse("/", "fr")).toEqual({ view: "home", lang: "fr" });
    expect(parse("/zone/ZPL/Z01", "fr")).toEqual({ view: "not-found", lang: "fr", path: "/zone/ZPL/Z01" });
    expect(preferredLang(["de-BE", "fr"])).toBe("de");
    expect(preferredLang(["es-ES", "nl-BE"])).toBe("nl");
    expect(preferredLang(["es"])).toBe("en");
  });

  it("switches language without losing the view's state", () => {
    const r = indicatorRoute("fr", "gmd-coverage", { year: 2022, zones: ["Z01"] });
    expect(withLang(r, "de")).toBe("/de/indicator/gmd-coverage?year=2022&zones=Z01");
    expect(withLang({ view: "not-found", lang: "fr", path: "/x" }, "nl")).toBe("/nl/");
  });

  it("reads area tokens", () => {
    expect(parseAreaToken("zone:ZPL:Z01")).toEqual({ level: "zone", system: "ZPL", code: "Z01" });
    expect(parseAreaToken("region:02000")).toEqual({ level: "region", code: "02000" });
    expect(parseAreaToken("planet:earth")).toBeUndefined();
  });
});
