import { describe, expect, it } from "vitest";
import { quarterlyEmergencyVisits } from "../../tests/indicator-helpers.ts";
import { rateLimits } from "../stats/index.ts";
import { dayFraction, daysInMonth, daysInYear, periodCells, periodEventsFromColumns, periodLabel, periodOfDate, periodOfMonth } from "./periods.ts";

const quarterly = quarterlyEmergencyVisits();
const monthly = { ...quarterly, id: "emergency-visits-monthly", "sub-annual": "month" as const };

describe("periods of a date", () => {
  it("puts each date in its quarter and month, edges included", () => {
    expect(periodOfDate("quarter", "2024-01-01")).toEqual({ year: 2024, index: 1 });
    expect(periodOfDate("quarter", "2024-03-31")).toEqual({ year: 2024, index: 1 });
    expect(periodOfDate("quarter", "2024-04-01")).toEqual({ year: 2024, index: 2 });
    expect(periodOfDate("quarter", "2024-09-30")).toEqual({ year: 2024, index: 3 });
    expect(periodOfDate("quarter", "2023-12-31")).toEqual({ year: 2023, index: 4 });
    expect(periodOfDate("month", "2024-02-29")).toEqual({ year: 2024, index: 2 });
    expect(periodOfDate("month", "2024-12-31")).toEqual({ year: 2024, index: 12 });
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map((m) => periodOfMonth("quarter", m))).toEqual([1, 1, 1, 2, 2, 2, 3, 3, 3, 4, 4, 4]);
    expect(() => periodOfDate("quarter", "2024-1-01")).toThrow(/YYYY-MM-DD/);
    expect(() => periodOfMonth("month", 13)).toThrow(/1–12/);
  });

  it("labels periods as the release does", () => {
    expect(periodLabel("quarter", 2024, 1)).toBe("2024-Q1");
    expect(periodLabel("month", 2024, 3)).toBe("2024-03");
    expect(periodLabel("month", 2024, 11)).toBe("2024-11");
  });
});

describe("days of a period over days of its year", () => {
  it("knows leap years (2024, 2000) from common ones (2023, 1900)", () => {
    expect([2023, 2024, 1900, 2000].map(daysInYear)).toEqual([365, 366, 365, 366]);
    expect(daysInMonth(2024, 2)).toBe(29);
    expect(daysInMonth(2023, 2)).toBe(28);
    expect(daysInMonth(1900, 2)).toBe(28);
  });

  it("gives each quarter its days: 90/365 in 2023, 91/366 in 2024; the quarters and the months make a whole year", () => {
    expect(dayFraction("quarter", 2023, 1)).toBe(90 / 365);
    expect(dayFraction("quarter", 2024, 1)).toBe(91 / 366);
    expect(dayFraction("quarter", 2024, 2)).toBe(91 / 366);
    expect(dayFraction("quarter", 2023, 3)).toBe(92 / 365);
    expect(dayFraction("quarter", 2023, 4)).toBe(92 / 365);
    expect(dayFraction("month", 2024, 2)).toBe(29 / 366);
    for (const year of [2023, 2024]) {
      expect([1, 2, 3, 4].reduce((s, q) => s + dayFraction("quarter", year, q), 0)).toBeCloseTo(1, 12);
      expect(Array.from({ length: 12 }, (_, m) => dayFraction("month", year, m + 1)).reduce((s, x) => s + x, 0)).toBeCloseTo(1, 12);
    }
  });
});

describe("period cells", () => {
  const zone = { year: 2024, level: "zone", system_code: "ELZ", area_code: "Z1", denominator: 3660 };
  // Events by quarter, as the compiled statement counts them (compile.ts).
  const quarters = [12, 0, 6, 22];

  it("gives each quarter its events over the year's population in person-years, with the crude rate's limits", () => {
    const cells = periodCells([{ ...zone, indicator_id: "emergency-visits" }], new Map([["emergency-visits|2024|zone|ELZ|Z1", quarters]]), [quarterly]);
    expect(cells.map((c) => [c.period, c.numerator, c.denominator])).toEqual([
      ["2024-Q1", 12, 910],
      ["2024-Q2", 0, 910],
      ["2024-Q3", 6, 920],
      ["2024-Q4", 22, 920],
    ]);
    expect(cells.reduce((s, c) => s + c.numerator, 0)).toBe(40);
    const q4 = cells[3]!;
    const expected = rateLimits(22, 920, 1000, 0.95);
    expect(q4).toMatchObject({
      period_kind: "quarter",
      period_index: 4,
      level: "zone",
      system_code: "ELZ",
      area_code: "Z1",
      value: expected.value,
      lower95: expected.lower,
      upper95: expected.upper,
      low_count: null,
    });
    // Annualised: 22 events in a quarter of 920 person-years of a 3,660-person zone.
    expect(q4.value).toBeCloseTo((22 / 920) * 1000, 12);
    expect(cells[1]!.value).toBe(0);
  });

  it("gives every period of an area with no events a cell of 0, and twelve for a monthly definition", () => {
    const cells = periodCells([{ ...zone, indicator_id: "emergency-visits-monthly" }], new Map(), [monthly]);
    expect(cells).toHaveLength(12);
    expect(cells.every((c) => c.numerator === 0)).toBe(true);
    expect(cells[1]).toMatchObject({ period: "2024-02", denominator: (3660 * 29) / 366 });
  });

  it("leaves out yearly definitions and empty populations", () => {
    const yearly = { ...quarterly, id: "yearly", "sub-annual": undefined };
    expect(periodCells([{ ...zone, indicator_id: "yearly" }], new Map(), [yearly])).toEqual([]);
    expect(periodCells([{ ...zone, denominator: 0, indicator_id: "emergency-visits" }], new Map(), [quarterly])).toEqual([]);
  });
});

describe("events by period from the compiled statement's wide result", () => {
  // Two definitions: index 0 yearly, index 1 quarterly; a zone's total and one stratum row.
  const wide = {
    year: [2024, 2024, 2023],
    level: ["zone", "zone", "belgium"],
    system_code: ["ELZ", "ELZ", null],
    area_code: ["Z1", "Z1", "BE"],
    stratum: ["total", "sex", "total"],
    stratum_value: ["all", "F", "all"],
    n0: [5, 2, 9],
    d0: [50, 20, 90],
    n1: [40, 15, 100],
    d1: [3660, 1800, 9000],
    p1_1: [12, 5, 30],
    p1_2: [0, 0, 20],
    p1_3: [6, 4, 25],
    p1_4: [22, 6, 25],
  };
  const layout = [
    { id: "yearly", index: 0, banded: false, periods: 0 },
    { id: "emergency-visits", index: 1, banded: false, periods: 4 },
  ];

  it("keeps the total rows of the sub-annual definitions, by area and year", () => {
    const into = new Map<string, number[]>();
    periodEventsFromColumns(wide, layout, into);
    expect([...into]).toEqual([
      ["emergency-visits|2024|zone|ELZ|Z1", [12, 0, 6, 22]],
      ["emergency-visits|2023|belgium||BE", [30, 20, 25, 25]],
    ]);
  });

  it("says which column the statement did not return", () => {
    const { p1_3: _dropped, ...short } = wide;
    expect(() => periodEventsFromColumns(short, layout, new Map())).toThrow(/no column p1_3 \(emergency-visits's period 3\)/);
  });
});
