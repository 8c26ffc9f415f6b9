import { describe, expect, it } from "vitest";
import { LANGUAGES } from "../../core/languages.ts";
import { acceptedLanguages, buildingPage, elapsedText, pageLanguage } from "./page.ts";
import { advance, isBuildMessage, type BuildStatus } from "./status.ts";
import { BUILDING_TEXTS } from "./texts.ts";

const START = Date.UTC(2026, 11, 3, 21, 0, 0);
const fresh: BuildStatus = { stages: ["sample", "load", "preview", "publish", "examples"], current: null, tables: null, startedAt: START };

/** Each stage's state as the page shows it (the class of its list item). */
function states(html: string): string[] {
  return [...html.matchAll(/<li class="(\w+)">/g)].map((m) => m[1]!);
}

describe("the building page's language", () => {
  it("is the address's when it names one, else the reader's first of ours, else English", () => {
    expect(pageLanguage("/nl/indicator/x?year=2023", "fr-BE")).toBe("nl");
    expect(pageLanguage("/", "de-BE,fr;q=0.8")).toBe("de");
    expect(pageLanguage("/", "es-ES, fr;q=0.3, nl;q=0.9")).toBe("nl");
    expect(pageLanguage("/assets/x.js", "es")).toBe("en");
    expect(pageLanguage("/", undefined)).toBe("en");
  });

  it("orders Accept-Language by weight, keeping the header's order between equals and dropping q=0", () => {
    expect(acceptedLanguages("fr;q=0.5, nl-BE, en;q=0, de;q=0.5, *")).toEqual(["nl-BE", "fr", "de"]);
    expect(acceptedLanguages("")).toEqual([]);
  });
});

describe("the building page", () => {
  it("shows the stages done, running and waiting, and disclosure control's progress on the running one", () => {
    expect(states(buildingPage(fresh, "en", "/", START))).toEqual(["running", "waiting", "waiting", "waiting", "waiting"]);
    // A start whose sample, warehouse and first look exist runs only the release and the examples.
    const publishing = advance(advance({ ...fresh, stages: ["publish", "examples"] }, { type: "stage", stage: "publish" }), { type: "tables", done: 12, total: 43 });
    const html = buildingPage(publishing, "fr", "/", START + 125_000);
    expect(states(html)).toEqual(["done", "done", "done", "running", "waiting"]);
    expect(html).toContain("12 tableaux protégés sur 43");
    expect(html).toContain("Commencé il y a 2 min 05 s.");
    // A new stage forgets the last one's progress.
    expect(advance(publishing, { type: "stage", stage: "examples" }).tables).toBeNull();
  });

  it("is written in the reader's language only, reloads itself, and links the same address in the other languages", () => {
    for (const lang of LANGUAGES) {
      const html = buildingPage(fresh, lang, "/fr/indicator/premature-mortality", START);
      expect(html).toContain(`<html lang="${lang}">`);
      expect(html).toContain(`<h1>${BUILDING_TEXTS[lang].heading}</h1>`);
      for (const other of LANGUAGES.filter((l) => l !== lang)) expect(html, `${lang} page`).not.toContain(BUILDING_TEXTS[other].stages.load);
      expect(html).toContain('<noscript><meta http-equiv="refresh" content="5"></noscript>');
      expect(html).toContain("location.reload()");
      // Hidden until the server has refused five requests in a row (the browser test shows it).
      expect(html).toContain(`<p id="lost" class="lost" role="alert" hidden>${BUILDING_TEXTS[lang].lost}</p>`);
      expect(html).toContain('href="/de/indicator/premature-mortality"');
    }
  });

  it("escapes the address it links", () => {
    const html = buildingPage(fresh, "nl", `/nl/"><script>alert(1)</script>`, START);
    expect(html).not.toContain("<script>alert");
    expect(html).toContain("/de/&quot;&gt;&lt;script&gt;");
  });

  it("takes only well-formed messages from the building child", () => {
    expect(isBuildMessage({ type: "stage", stage: "load" })).toBe(true);
    expect(isBuildMessage({ type: "tables", done: 3, total: 9 })).toBe(true);
    // The first look is ready: the parent serves it; the page's status does not change.
    expect(isBuildMessage({ type: "preview" })).toBe(true);
    expect(advance(fresh, { type: "preview" })).toEqual(fresh);
    expect(isBuildMessage({ type: "stage", stage: "deploy" })).toBe(false);
    expect(isBuildMessage({ type: "tables", done: "3", total: 9 })).toBe(false);
    expect(isBuildMessage(null)).toBe(false);
  });

  it("says elapsed time in seconds, then minutes", () => {
    expect(elapsedText(42_900)).toBe("42 s");
    expect(elapsedText(3_600_000 + 61_000)).toBe("61 min 01 s");
    expect(elapsedText(-5)).toBe("0 s");
  });
});
