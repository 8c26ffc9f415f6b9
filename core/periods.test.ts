import { describe, expect, it } from "vitest";
import { parsePeriod, periodLabel, periodName, periodsBetween } from "./periods.ts";

describe("periods", () => {
  it("label quarters and months in each language", () => {
    expect(["fr", "nl", "de", "en"].map((l) => periodLabel("2024-Q1", l as "fr"))).toEqual(["T1 2024", "K1 2024", "Q1 2024", "Q1 2024"]);
    expect(["fr", "nl", "de", "en"].map((l) => periodLabel("2024-03", l as "fr"))).toEqual(["mars 2024", "mrt 2024", "März 2024", "Mar 2024"]);
    expect(periodLabel("2024", "fr")).toBe("2024");
  });

  it("parse only the release's two forms", () => {
    expect(parsePeriod("2024-Q4")).toEqual({ kind: "quarter", year: 2024, index: 4 });
    expect(parsePeriod("2024-12")).toEqual({ kind: "month", year: 2024, index: 12 });
    for (const bad of ["2024-Q5", "2024-13", "2024-00", "24-Q1", "2024Q1"]) expect(parsePeriod(bad), bad).toBeUndefined();
  });

  it("run from one period to another across years", () => {
    expect(periodsBetween(parsePeriod("2023-Q3")!, parsePeriod("2024-Q2")!).map(periodName)).toEqual(["2023-Q3", "2023-Q4", "2024-Q1", "2024-Q2"]);
    expect(periodsBetween(parsePeriod("2023-11")!, parsePeriod("2024-02")!).map(periodName)).toEqual(["2023-11", "2023-12", "2024-01", "2024-02"]);
  });
});
