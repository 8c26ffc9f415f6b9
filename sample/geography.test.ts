import { describe, expect, it } from "vitest";
import { referenceGeography } from "../geography/reference.ts";
import { buildSyntheticGeography, sampleBoundaries } from "./geography.ts";

const geo = buildSyntheticGeography(42);
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const deprivation = (pick: (m: (typeof geo.municipalities)[number]) => boolean) => mean(geo.municipalities.filter(pick).map((m) => m.deprivation));

describe("the sample's geography", () => {
  it("is the shipped reference of 2025: real municipalities, zone systems and boundaries", () => {
    const ref = referenceGeography(2025);
    expect(geo.vintage).toBe(2025);
    expect(geo.municipalities.map(({ deprivation: _, ...m }) => m)).toEqual(ref.geography.municipalities);
    expect(geo.zones).toEqual(ref.geography.zones);
    expect(geo.members).toEqual(ref.geography.members);
    expect(sampleBoundaries()).toBe(ref.boundaries);
    expect(geo.municipalities.find((m) => m.nisCode === "21015")?.nameNl).toBe("Schaarbeek");
  });

  it("scales populations from Statbel's 2020 figures (Belgium 11.49 million)", () => {
    expect(geo.municipalities.reduce((n, m) => n + m.population, 0)).toBe(11_492_641);
    expect(geo.municipalities.find((m) => m.nisCode === "11002")?.population).toBe(529_247 + 10_949);
  });

  it("keeps the social gradients in its synthetic deprivation", () => {
    expect(geo.municipalities.every((m) => m.deprivation >= 0.02 && m.deprivation <= 0.98)).toBe(true);
    const flanders = deprivation((m) => m.regionCode === "02000");
    const wallonia = deprivation((m) => m.regionCode === "03000");
    const brussels = deprivation((m) => m.regionCode === "04000");
    expect(flanders).toBeLessThan(wallonia);
    expect(wallonia).toBeLessThan(brussels);
    const crescent = deprivation((m) => ["21012", "21014", "21015"].includes(m.nisCode));
    const southEast = deprivation((m) => ["21017", "21019"].includes(m.nisCode));
    expect(crescent - southEast).toBeGreaterThan(0.4);
  });

  it("is deterministic: the same seed gives the same deprivation, another seed another", () => {
    expect(buildSyntheticGeography(42)).toEqual(geo);
    expect(buildSyntheticGeography(7).municipalities.map((m) => m.deprivation)).not.toEqual(geo.municipalities.map((m) => m.deprivation));
  });
});
