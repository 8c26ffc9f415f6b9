import { describe, expect, it } from "vitest";
import { significanceClasses } from "./legend.ts";
import { REFERENCE_COLOUR, SERIES_COLOURS, seriesColours } from "./series-colours.ts";

const channels = (hex: string) => [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16) / 255) as [number, number, number];
const linear = (c: number) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
/** CIE L*a*b* (D65) of an sRGB colour. */
function lab(hex: string): [number, number, number] {
  const [r, g, b] = channels(hex).map(linear) as [number, number, number];
  const f = (t: number) => (t > 0.008856 ? Math.cbrt(t) : 7.787 * t + 16 / 116);
  const x = f((r * 0.4124 + g * 0.3576 + b * 0.1805) / 0.95047);
  const y = f(r * 0.2126 + g * 0.7152 + b * 0.0722);
  const z = f((r * 0.0193 + g * 0.1192 + b * 0.9505) / 1.08883);
  return [116 * y - 16, 500 * (x - y), 200 * (y - z)];
}
/** CIE76 colour difference: about 2.3 is just noticeable, above 30 reads as another colour. */
function deltaE(a: string, b: string): number {
  const [p, q] = [lab(a), lab(b)];
  return Math.hypot(p[0] - q[0], p[1] - q[1], p[2] - q[2]);
}
function contrastOnWhite(hex: string): number {
  const [r, g, b] = channels(hex).map(linear) as [number, number, number];
  return 1.05 / (0.2126 * r + 0.7152 * g + 0.0722 * b + 0.05);
}

describe("trend line colours", () => {
  // Every class that carries a verdict or a direction: better/worse, higher/lower.
  const verdicts = [...significanceClasses("high-is-good"), ...significanceClasses("no-judgement")].filter((s) => !["similar", "not-compared"].includes(s.key));

  it("never look like a comparison's colour (the map's 'worse' orange, 'better' blue)", () => {
    for (const colour of SERIES_COLOURS) for (const v of verdicts) expect(deltaE(colour, v.fill), `${colour} vs ${v.key} ${v.fill}`).toBeGreaterThanOrEqual(35);
  });

  it("are told apart from each other and stand out on white (3:1 for lines)", () => {
    for (const [i, a] of SERIES_COLOURS.entries()) {
      expect(contrastOnWhite(a), a).toBeGreaterThanOrEqual(3);
      for (const b of SERIES_COLOURS.slice(i + 1)) expect(deltaE(a, b), `${a} vs ${b}`).toBeGreaterThanOrEqual(20);
    }
  });

  it("keeps Belgium black whatever its place in the list", () => {
    expect(seriesColours(["Gent", "Belgium", "Vlaanderen"], "Belgium")).toEqual([SERIES_COLOURS[0], REFERENCE_COLOUR, SERIES_COLOURS[1]]);
  });
});
