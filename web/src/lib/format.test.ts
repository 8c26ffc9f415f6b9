import { describe, expect, it } from "vitest";
import { valueText } from "./cell-text.ts";
import { formatDate, formatInterval, formatValue } from "./format.ts";

// Intl may use narrow no-break spaces as group separators: compare with plain spaces.
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, " ");

describe("numbers per locale", () => {
  it("writes a percentage as each language does", () => {
    expect(plain(formatValue(12.345, "percent", "fr"))).toBe("12,3 %");
    expect(plain(formatValue(12.345, "percent", "nl"))).toBe("12,3%");
    expect(plain(formatValue(12.345, "percent", "de"))).toBe("12,3 %");
    expect(plain(formatValue(12.345, "percent", "en"))).toBe("12.3%");
  });

  it("groups thousands and rounds rates by size", () => {
    expect(plain(formatValue(1234.56, "per-100000", "fr"))).toBe("1 235");
    expect(plain(formatValue(1234.56, "per-100000", "nl"))).toBe("1.235");
    expect(plain(formatValue(1234.56, "per-100000", "en"))).toBe("1,235");
    expect(plain(formatValue(45.67, "per-100000", "en"))).toBe("45.7");
    expect(plain(formatValue(0.8234, "ratio", "de"))).toBe("0,82");
  });

  it("writes euros with the currency sign where the locale puts it", () => {
    expect(plain(formatValue(1520.4, "euro", "fr"))).toBe("1 520 €");
    expect(plain(formatValue(1520.4, "euro", "en"))).toBe("€1,520");
  });

  it("frames an interval with the value's decimals, and says – for nothing", () => {
    expect(plain(formatInterval(10.04, 12.96, "percent", "fr", 11.5))).toBe("10,0 % – 13,0 %");
    expect(formatInterval(null, 3, "percent", "en")).toBe("–");
    expect(formatValue(null, "percent", "en")).toBe("–");
    expect(formatValue(Number.NaN, "percent", "en")).toBe("–");
  });

  it("never shows a number for a hidden cell, whatever the cell holds", () => {
    expect(valueText({ value: 3, hidden: "suppressed" }, "percent", "en")).toBe("Hidden to protect privacy");
    expect(valueText({ value: null, hidden: "suppressed" }, "percent", "nl")).toBe("Verborgen om de privacy te beschermen");
    expect(plain(valueText({ value: 845.2, hidden: null }, "per-100000", "de"))).toBe("845 je 100.000");
  });

  it("writes dates in words, in Brussels time", () => {
    expect(formatDate("2026-11-22T23:30:00Z", "fr")).toBe("23 novembre 2026");
    expect(formatDate("2026-11-22T09:30:00Z", "nl")).toBe("22 november 2026");
    expect(formatDate("2026-11-22T09:30:00Z", "de")).toBe("22. November 2026");
    expect(formatDate("not a date", "en")).toBe("not a date");
  });
});
