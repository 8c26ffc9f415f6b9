import { describe, expect, it } from "vitest";
import { yearBatches } from "./year-batches.ts";

const years = (rows: number[], first = 2019) => rows.map((r, i) => ({ year: first + i, rows: r }));
const roomy = { definitionYears: Infinity, personYears: Infinity };

describe("yearBatches", () => {
  it("puts every year in one statement while both weights stay within their budgets", () => {
    expect(yearBatches(years([10, 10, 10]), 3, { definitionYears: 9, personYears: 90 })).toEqual([{ from: 2019, to: 2021 }]);
  });

  it("starts a new statement where the next year would exceed the person-years budget", () => {
    expect(yearBatches(years([10, 10, 10, 10, 10]), 3, { ...roomy, personYears: 60 })).toEqual([
      { from: 2019, to: 2020 },
      { from: 2021, to: 2022 },
      { from: 2023, to: 2023 },
    ]);
  });

  it("starts a new statement where the next year would exceed the definition-years budget", () => {
    expect(yearBatches(years([1, 1, 1, 1]), 2, { ...roomy, definitionYears: 5 })).toEqual([
      { from: 2019, to: 2020 },
      { from: 2021, to: 2022 },
    ]);
  });

  it("computes a year heavier than a budget alone; by default every definition goes one year at a time", () => {
    expect(yearBatches(years([100, 1, 1]), 1, { ...roomy, personYears: 50 })).toEqual([
      { from: 2019, to: 2019 },
      { from: 2020, to: 2021 },
    ]);
    expect(yearBatches(years([1000, 1000, 1000]), 32)).toEqual([
      { from: 2019, to: 2019 },
      { from: 2020, to: 2020 },
      { from: 2021, to: 2021 },
    ]);
    // Three definitions of scale 0.05 (580,000 person-years a year): six years in one.
    expect(yearBatches(years([580_000, 580_000, 580_000, 580_000, 580_000, 580_000]), 3)).toEqual([{ from: 2019, to: 2024 }]);
  });

  it("never joins years that are not consecutive, whatever their order", () => {
    expect(
      yearBatches(
        [
          { year: 2024, rows: 1 },
          { year: 2019, rows: 1 },
          { year: 2020, rows: 1 },
        ],
        1,
        roomy,
      ),
    ).toEqual([
      { from: 2019, to: 2020 },
      { from: 2024, to: 2024 },
    ]);
  });
});
