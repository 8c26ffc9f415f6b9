import { describe, expect, it } from "vitest";
import { assurance } from "./assurance.ts";
import { LANGUAGES, MESSAGES, verdictWords } from "./messages.ts";
import { analyse, CAVEATS, GRANULARITIES, NOT_ENOUGH_REASONS, VERDICT_KINDS } from "./verdict.ts";
import { yearly } from "./test-support/series.ts";

// The demo's shape: six yearly points, 2019–2024, actions from 2022. Baseline 2019–2021 =
// 50, 52, 51: mean 51, mR̄ 1.5, limits 47.01 / 54.99, near-limit lines 48.34 / 53.66.
// 2022 = 53 is inside; 2023 = 60 and 2024 = 61 are beyond the upper limit, and two of three near it.
const DEMO = yearly(2019, [50, 52, 51, 53, 60, 61]);

describe("analyse: the verdict", () => {
  it("an improvement since 2023 when high is good, with the target consistently missed by the baseline process", () => {
    const { verdict, signals, chart } = analyse(DEMO, { actionsStart: 2022, polarity: "high-is-good", target: 58 });
    expect(signals.map((s) => `${s.rule}:${s.years.join("+")}`)).toEqual(["beyond-limits:2023", "two-of-three:2023+2024", "beyond-limits:2024"]);
    expect(chart?.baseline.points).toBe(3);
    expect(verdict).toMatchObject({
      kind: "improvement",
      since: 2023,
      rules: ["beyond-limits", "two-of-three"],
      reason: null,
      // 58 is above the upper limit 54.99: the process before the actions could not reach it.
      assurance: "consistently-fails",
      points: 6,
      minimum: 5,
      baselinePoints: 3,
      pointsSinceActions: 3,
      actionsStart: 2022,
      caveats: ["provisional-limits", "runs-impossible"],
      messageKey: "spc.verdict.improvement",
      assuranceKey: "spc.assurance.consistently-fails",
    });
    const words = verdictWords(verdict);
    expect(words.verdict).toEqual({ fr: "Signal d'amélioration depuis 2023", nl: "Signaal van verbetering sinds 2023", de: "Verbesserungssignal seit 2023", en: "Improvement signal since 2023" });
    expect(words.assurance?.en).toMatch(/consistently missed/);
    expect(words.caveats.map((c) => c.en)).toEqual(["Limits from only 3 years (15 to 20 points recommended): read them as provisional", "Series too short for the shift and trend rules (7 points)"]);
  });

  it("the same series is a concern when low is good, and neither without a polarity", () => {
    const low = analyse(DEMO, { actionsStart: 2022, polarity: "low-is-good", target: 58 }).verdict;
    expect(low).toMatchObject({ kind: "concern", since: 2023, assurance: "consistently-passes" });
    expect(verdictWords(low).verdict.en).toBe("Concern signal since 2023");
    const none = analyse(DEMO, { actionsStart: 2022, polarity: "no-judgement", target: 58 }).verdict;
    expect(none).toMatchObject({ kind: "neither", since: 2023, assurance: null });
  });

  it("no signal, with the target hit and miss", () => {
    // 52, 51, 50 after the same baseline: inside the limits, none beyond 53.66 or below 48.34.
    const { verdict } = analyse(yearly(2019, [50, 52, 51, 52, 51, 50]), { actionsStart: 2022, polarity: "high-is-good", target: 50 });
    expect(verdict).toMatchObject({ kind: "no-signal", since: null, rules: [], assurance: "inconsistent" });
    expect(verdictWords(verdict).verdict.en).toBe("No signal yet: common-cause variation only");
    expect(verdictWords(verdict).assurance?.en).toBe("The target is sometimes met and sometimes missed (hit and miss)");
  });

  it("a shift that began before the actions counts from its first point", () => {
    // Baseline 10, 12, 10, 12 (mean 11); 12 seven times from 2004: 2003–2010 above the mean.
    const { verdict } = analyse(yearly(2000, [10, 12, 10, 12, 12, 12, 12, 12, 12, 12, 12]), { actionsStart: 2004, polarity: "high-is-good" });
    expect(verdict).toMatchObject({ kind: "improvement", since: 2003, rules: ["shift"], caveats: ["provisional-limits"] });
  });

  it("opposite signals ending the same year make 'neither'", () => {
    // After the baseline (mean 11, limits 5.68 / 16.32, near 14.55): 16, 15.5, … 13 — all above the
    // mean (shift up 2003–2010, improvement) while falling every year (trend down 2004–2010,
    // concern); 16, 15.5, 15 are near the upper limit (two-of-three up, ends 2006, not the latest).
    const { verdict, signals } = analyse(yearly(2000, [10, 12, 10, 12, 16, 15.5, 15, 14.5, 14, 13.5, 13]), { actionsStart: 2004, polarity: "high-is-good" });
    expect(signals.map((s) => `${s.rule}:${s.direction}:${s.meaning}`)).toEqual(["shift:up:improvement", "trend:down:concern", "two-of-three:up:improvement"]);
    expect(verdict).toMatchObject({ kind: "neither", since: 2003, rules: ["shift", "trend"] });
  });

  it("not enough data: too few points, no baseline, or nothing since the actions", () => {
    const few = analyse(yearly(2021, [1, 2, 3, 4]), { polarity: "high-is-good" }).verdict;
    expect(few).toMatchObject({ kind: "not-enough-data", reason: "too-few-points", points: 4, minimum: 5, assurance: null });
    expect(verdictWords(few).verdict.en).toBe("Not enough data: 4 published years, at least 5 needed");
    expect(verdictWords(analyse(yearly(2024, [1]), {}).verdict).verdict.fr).toBe("Données insuffisantes : 1 année publiée, il en faut au moins 5");
    // Hidden cells count as missing: 6 years, 2 hidden → 4 points.
    expect(analyse(yearly(2019, [1, null, 3, 4, null, 6]), {}).verdict.reason).toBe("too-few-points");
    // Five points, none next to another: no moving range, no limits.
    expect(analyse(yearly(2015, [1, null, 2, null, 3, null, 4, null, 5]), {}).verdict.reason).toBe("no-baseline");
    // A flat baseline: no limits can be drawn (the fixture's premature mortality in Z04).
    const flat = analyse(yearly(2020, [236.33, 236.33, 236.33, 236.33, 244.48]), { actionsStart: 2022, polarity: "low-is-good", target: 200 }).verdict;
    expect(flat).toMatchObject({ kind: "not-enough-data", reason: "no-variation", assurance: null });
    expect(verdictWords(flat).verdict.en).toBe("No limits: the baseline years all have the same value");
    // Actions in 2025, data to 2024: the chart of the baseline and the assurance, no verdict yet.
    const waiting = analyse(DEMO, { actionsStart: 2025, polarity: "high-is-good", target: 70 });
    expect(waiting.chart?.baseline.points).toBe(6);
    expect(waiting.verdict).toMatchObject({ kind: "not-enough-data", reason: "no-points-after-actions", assurance: "consistently-fails", pointsSinceActions: 0 });
    expect(verdictWords(waiting.verdict).verdict.en).toBe("No data yet: no published year since the actions started (2025)");
  });

  it("says when the baseline had to take years of action", () => {
    const { verdict } = analyse(DEMO, { actionsStart: 2020, polarity: "high-is-good" });
    expect(verdict.caveats).toContain("baseline-includes-actions");
  });
});

describe("assurance", () => {
  const limits = { lowerLimit: 40, upperLimit: 60 };
  it("compares the target with the limits in the indicator's direction", () => {
    expect(assurance(limits, 50, "high-is-good")).toBe("inconsistent");
    expect(assurance(limits, 40, "high-is-good")).toBe("inconsistent"); // on a limit: inside
    expect(assurance(limits, 30, "high-is-good")).toBe("consistently-passes");
    expect(assurance(limits, 70, "high-is-good")).toBe("consistently-fails");
    expect(assurance(limits, 30, "low-is-good")).toBe("consistently-fails");
    expect(assurance(limits, 70, "low-is-good")).toBe("consistently-passes");
    expect(assurance(limits, 70, "no-judgement")).toBeNull();
    expect(assurance(limits, null, "high-is-good")).toBeNull();
  });
});

describe("messages", () => {
  it("have a sentence in every language for every key a verdict can carry", () => {
    const keys = [
      ...VERDICT_KINDS.filter((k) => k !== "not-enough-data").map((k) => `spc.verdict.${k}`),
      ...NOT_ENOUGH_REASONS.map((r) => `spc.verdict.not-enough-data.${r}`),
      ...["consistently-passes", "consistently-fails", "inconsistent"].map((a) => `spc.assurance.${a}`),
      ...CAVEATS.map((c) => `spc.caveat.${c}`),
      ...GRANULARITIES.map((g) => `spc.points.${g}`),
    ];
    for (const lang of LANGUAGES) expect(Object.keys(MESSAGES[lang]).sort(), lang).toEqual(keys.sort());
    for (const key of keys) {
      for (const lang of LANGUAGES) {
        const text = MESSAGES[lang][key as keyof (typeof MESSAGES)["en"]]({ since: 2023, points: 4, minimum: 5, actionsStart: 2022, baselinePoints: 3, screenedMovingRanges: 2 });
        expect(text.length, `${key} ${lang}`).toBeGreaterThan(10);
        expect(text, `${key} ${lang}`).not.toMatch(/undefined|null|NaN/);
      }
    }
  });
});

describe("screening in the verdict", () => {
  it("names the screened moving ranges as a caveat, and finds the signal wide limits hide", () => {
    // Baseline 2011–2020 with one extreme year (2016 = 30): ranges 1,1,1,1,20,20,1,1,1.
    // Screened: mR̄ 1, upper limit 12.4 + 2.66 = 15.06, so 2021 = 16 is a signal.
    // Unscreened: mR̄ 47/9, upper limit 26.29, and 16 looks ordinary.
    const series = yearly(2011, [10, 11, 10, 11, 10, 30, 10, 11, 10, 11, 16]);
    const { verdict } = analyse(series, { polarity: "high-is-good", actionsStart: 2021 });
    expect(verdict.screenedMovingRanges).toBe(2);
    expect(verdict.caveats).toContain("screened-moving-ranges");
    expect(verdict.kind).toBe("improvement");
    expect(verdict.since).toBe(2021);
    const words = verdictWords(verdict);
    const caveat = words.caveats[verdict.caveats.indexOf("screened-moving-ranges")]!;
    expect(caveat.fr).toMatch(/^2 écarts exceptionnels/);
    expect(caveat.de).toMatch(/^2 außergewöhnliche/);
    const off = analyse(series, { polarity: "high-is-good", actionsStart: 2021, screenMovingRanges: false });
    expect(off.verdict.caveats).not.toContain("screened-moving-ranges");
    expect(off.verdict.kind).toBe("no-signal");
  });
});
