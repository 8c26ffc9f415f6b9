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
});
