// The check on quarters: the same chart and rules on more points, named by period; the actions'
// start (a year) is its first quarter.
import { describe, expect, it } from "vitest";
import { LANGUAGES, MESSAGES, verdictWords } from "./messages.ts";
import { analyse } from "./verdict.ts";
import { xmrChart } from "./xmr.ts";
import { quarterly, yearly } from "./test-support/series.ts";

// Two years of baseline around 10, then 2022–2023 all above its mean: a shift of 8 quarters.
const BASELINE = [10, 11, 9, 10, 11, 9, 10, 10];
const SERIES = quarterly(2020, [...BASELINE, 11, 12, 11, 12, 11, 12, 11, 12]);

describe("XmR on quarters", () => {
  it("takes the quarters before the actions' year as the baseline and keeps each point's period", () => {
    const c = xmrChart(SERIES, { actionsStart: 2022 })!;
    expect(c.baseline).toMatchObject({ from: 2020, to: 2021, points: 8, fromPeriod: "2020-Q1", toPeriod: "2021-Q4", extendsIntoActions: false });
    expect(c.mean).toBe(10);
    expect(c.points.map((p) => p.period)).toEqual(SERIES.map((p) => p.period));
    expect(c.points.filter((p) => p.baseline)).toHaveLength(8);
  });

  it("orders points by period, not only by year", () => {
    const shuffled = [...SERIES].reverse();
    expect(xmrChart(shuffled, { actionsStart: 2022 })!.points.map((p) => p.period)).toEqual(SERIES.map((p) => p.period));
  });

  it("finds a shift of 7+ quarters and words it with the period, in each language", () => {
    const { signals, verdict } = analyse(SERIES, { actionsStart: 2022, polarity: "low-is-good", granularity: "quarter" });
    const shift = signals.find((s) => s.rule === "shift");
    expect(shift).toMatchObject({ direction: "up", meaning: "concern" });
    expect(shift?.periods).toEqual(["2022-Q1", "2022-Q2", "2022-Q3", "2022-Q4", "2023-Q1", "2023-Q2", "2023-Q3", "2023-Q4"]);
    expect(shift?.years).toEqual([2022, 2022, 2022, 2022, 2023, 2023, 2023, 2023]);
    expect(verdict).toMatchObject({ kind: "concern", since: 2022, sincePeriod: "2022-Q1", granularity: "quarter", points: 16, baselinePoints: 8 });
    expect(verdict.caveats).not.toContain("runs-impossible");
    const words = verdictWords(verdict);
    expect(words.verdict).toEqual({ fr: "Signal préoccupant depuis T1 2022", nl: "Zorgwekkend signaal sinds K1 2022", de: "Warnsignal seit Q1 2022", en: "Concern signal since Q1 2022" });
    expect(words.points).toEqual({ fr: "16 points trimestriels", nl: "16 kwartaalpunten", de: "16 Quartalswerte", en: "16 quarterly points" });
    expect(words.caveats[verdict.caveats.indexOf("provisional-limits")]?.en).toBe("Limits from only 8 quarters (15 to 20 points recommended): read them as provisional");
  });

  it("a hidden quarter breaks the run as a hidden year does", () => {
    const gap = quarterly(2020, [...BASELINE, 11, 12, 11, null, 11, 12, 11, 12]);
    expect(analyse(gap, { actionsStart: 2022, granularity: "quarter" }).signals.filter((s) => s.rule === "shift")).toEqual([]);
  });

  it("keeps yearly points without periods, and says they are yearly", () => {
    const { signals, verdict } = analyse(yearly(2011, [10, 11, 10, 11, 10, 11, 10, 16]), { actionsStart: 2018, polarity: "high-is-good" });
    expect(signals.every((s) => s.periods === undefined)).toBe(true);
    expect(verdict).toMatchObject({ granularity: "year", sincePeriod: null, pointsKey: "spc.points.year" });
    expect(verdictWords(verdict).points.fr).toBe("8 points annuels");
  });

  it("never calls a quarter a year, in any message or language", () => {
    const year = { fr: /ann[ée]e/i, nl: /jaar|jaren/i, de: /jahr/i, en: /\byears?\b/i };
    for (const lang of LANGUAGES) {
      for (const [key, template] of Object.entries(MESSAGES[lang]).filter(([k]) => !k.startsWith("spc.points."))) {
        const text = template({ since: "T1 2022", points: 4, minimum: 5, actionsStart: 2022, baselinePoints: 3, screenedMovingRanges: 2, granularity: "quarter" });
        expect(text, `${key} ${lang}`).not.toMatch(year[lang]);
      }
    }
    const { verdict } = analyse(quarterly(2020, [...BASELINE]), { actionsStart: 2022, granularity: "quarter" });
    expect(verdict.reason).toBe("no-points-after-actions");
    expect(verdictWords(verdict).verdict.nl).toBe("Nog geen gegevens: geen gepubliceerd kwartaal sinds de start van de acties (2022)");
  });
});
