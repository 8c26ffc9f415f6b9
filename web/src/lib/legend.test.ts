import { describe, expect, it } from "vitest";
import { MESSAGES } from "./i18n/index.ts";
import { en } from "./i18n/en.ts";
import { comparisonStyle, quintileClasses, quintileStyle, significanceClasses, trendStyle } from "./legend.ts";

/** WCAG relative luminance and contrast ratio. */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}
function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

/**
 * Interface strings that may read the same in English and in another language, by reason:
 * `lang:key`, or `*:key` for every language. Anything else equal to English is an untranslated
 * string (issue #17: every text in the page's language).
 */
const SAME_AS_ENGLISH: Record<string, string[]> = {
  "the product's name": ["*:app.name"],
  "only a placeholder (the top level's name, worded by the release)": ["*:profile.belgium"],
  "codes and symbols": ["*:quintile.2", "*:quintile.3", "*:quintile.4", "*:unit.percent"],
  "only placeholders and punctuation": ["nl:overview.cell", "de:overview.cell"],
  "French words spelled as in English": [
    "fr:home.levels.zone",
    "fr:home.levels.province",
    "fr:legend.quintile",
    "fr:col.quintile",
    "fr:meta.source",
    "fr:meta.type",
    "fr:unit.score",
    "fr:chart.png",
    "fr:chart.svg",
    "fr:pdca.phase",
    "fr:pdca.actions",
    "fr:pdca.action",
    "fr:pdca.notes",
    "fr:pdca.signal",
  ],
  "Dutch words spelled as in English": [
    "nl:home.inZones",
    "nl:home.levels.zone",
    "nl:profile.indicator",
    "nl:indicator.choose",
    "nl:pdca.indicator",
    "nl:profile.trend",
    "nl:meta.type",
    "nl:unit.euro",
    "nl:unit.score",
    "nl:col.status",
    "nl:pdca.status",
    "nl:nav.api",
  ],
  "the PDCA phases, named in English in Flemish quality work": ["nl:phase.plan", "nl:phase.do", "nl:phase.check", "nl:phase.act"],
  "German words spelled as in English": ["de:home.inZones", "de:profile.region", "de:profile.trend", "de:meta.definition", "de:col.status", "de:pdca.status", "de:pdca.phase", "de:pdca.signal"],
};
const allowedSame = new Set(Object.values(SAME_AS_ENGLISH).flat());

describe("legend classes", () => {
  it("gives every comparison an icon and words as well as a colour", () => {
    const styles = [...significanceClasses("high-is-good"), ...significanceClasses("no-judgement")];
    // One icon per class, so the classes can be told apart without colour.
    const byKey = new Map(styles.map((s) => [s.key, s.icon]));
    expect(new Set(byKey.values()).size).toBe(byKey.size);
    for (const s of styles) {
      expect(s.icon).not.toBe("");
      expect(en).toHaveProperty(s.label);
    }
  });

  it("keeps badge text readable on its fill (WCAG AA, 4.5:1)", () => {
    const fills = [...significanceClasses("high-is-good"), ...significanceClasses("none"), ...quintileClasses()];
    for (const s of fills) expect(contrast(s.fill, s.text), `${s.key} ${s.fill}/${s.text}`).toBeGreaterThanOrEqual(4.5);
  });

  it("offers the polarity-free classes when neither direction is better", () => {
    expect(significanceClasses("low-is-good").map((s) => s.key)).toEqual(["much-better", "better", "similar", "worse", "much-worse", "not-compared"]);
    expect(significanceClasses("no-judgement").map((s) => s.key)).toEqual(["much-higher", "higher", "similar", "lower", "much-lower", "not-compared"]);
  });

  it("shows a hidden cell as hidden whatever its comparison or quintile says", () => {
    expect(comparisonStyle("better", "suppressed").key).toBe("hidden");
    expect(quintileStyle(5, "suppressed").key).toBe("hidden");
    expect(comparisonStyle(null).key).toBe("none");
    expect(quintileStyle(0).key).toBe("none");
    expect(quintileStyle(3).label).toBe("quintile.3");
  });

  it("points the trend arrow the way the values go and says whether that is good", () => {
    expect(trendStyle("getting-better", -1.2)).toMatchObject({ icon: "↓", tone: "good", label: "trend.getting-better" });
    expect(trendStyle("getting-worse", 0.4)).toMatchObject({ icon: "↑", tone: "bad" });
    expect(trendStyle("increasing", 2).tone).toBe("neutral");
    expect(trendStyle(null).label).toBe("trend.none");
  });

  it("has every interface string in the four languages", () => {
    for (const [lang, messages] of Object.entries(MESSAGES)) {
      expect(Object.keys(messages).sort(), lang).toEqual(Object.keys(en).sort());
      for (const [key, text] of Object.entries(messages)) {
        expect(text, `${lang} ${key}`).not.toBe("");
        // Same placeholders as English, so no translation drops a number.
        expect((text.match(/\{\w+\}/g) ?? []).sort(), `${lang} ${key}`).toEqual((en[key as keyof typeof en].match(/\{\w+\}/g) ?? []).sort());
      }
    }
  });

  it("translates every interface string: none left in English unless allow-listed", () => {
    const same = Object.entries(MESSAGES).flatMap(([lang, messages]) =>
      lang === "en"
        ? []
        : Object.entries(messages)
            .filter(([key, text]) => text === en[key as keyof typeof en] && !allowedSame.has(`${lang}:${key}`) && !allowedSame.has(`*:${key}`))
            .map(([key, text]) => `${lang}:${key} = ${text}`),
    );
    expect(same).toEqual([]);
    // The allow-list names only keys that exist, so it cannot hide a typo.
    for (const entry of allowedSame) expect(entry.split(":")[1]! in en, entry).toBe(true);
  });

  it("uses the Belgian terms of each language", () => {
    // German readers say GMA (Globale Medizinische Akte), not the Dutch GMD or the French DMG.
    expect(Object.entries(MESSAGES.de).filter(([, text]) => /\b(GMD|DMG)\b/.test(text))).toEqual([]);
    // French puts a non-breaking space before a colon; Dutch says "onder"/"van" N areas, not "tussen".
    expect(MESSAGES.fr["chart.download.label"]).toBe("Télécharger\u00a0:");
    expect(MESSAGES.nl["profile.spine"]).not.toMatch(/^Tussen/);
  });

  it("suggests names of the page's language in the search box, not French ones", () => {
    for (const lang of ["nl", "de"] as const) expect(MESSAGES[lang]["home.searchExample"], lang).not.toMatch(/Anvers|Liège|Bruxelles/);
    expect(MESSAGES.nl["home.searchExample"]).toMatch(/Antwerpen/);
    expect(MESSAGES.de["home.searchExample"]).toMatch(/Eupen/);
  });
});
