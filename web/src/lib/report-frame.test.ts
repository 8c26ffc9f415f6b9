import { describe, expect, it } from "vitest";
import { periodText, reportSvg, wrap } from "./report-frame.ts";

const chart = { markup: '<svg xmlns="http://www.w3.org/2000/svg" width="600" height="300" class="plot"><rect width="10" height="10"/></svg>', width: 600, height: 300 };
const text = {
  title: "Couverture DMG, 2024",
  subtitle: "Zones de première ligne (ELZ) · 2024",
  legendTitle: "Comparaison avec la Belgique",
  legend: [
    { kind: "chip" as const, label: "Mieux", fill: "#2166ac", text: "#ffffff", icon: "▲" },
    { kind: "line" as const, label: "Belgique", colour: "#000000", dashed: true },
    { kind: "hatch" as const, label: "Masqué pour protéger la vie privée" },
  ],
  source: "Source : AIM-IMA <échantillon> & Statbel",
  release: "boussole sample (données synthétiques), 2024",
  synthetic: "Données de démonstration synthétiques : aucune personne réelle n'est décrite.",
};

describe("report-ready chart exports", () => {
  it("puts title, subtitle, legend, source, release and the synthetic note around the chart", () => {
    const { svg, width, height } = reportSvg(chart, text);
    for (const s of [
      "Couverture DMG, 2024",
      "Zones de première ligne (ELZ) · 2024",
      "Comparaison avec la Belgique",
      "Mieux",
      "Belgique",
      "Masqué pour protéger la vie privée",
      "boussole sample (données synthétiques), 2024",
    ])
      expect(svg).toContain(s);
    expect(svg).toContain("Source : AIM-IMA &lt;échantillon&gt; &amp; Statbel");
    expect(svg).toContain("aucune personne r");
    expect(svg).toContain("stroke-dasharray");
    expect(svg).toContain('fill="url(#report-hatch)"');
    // The chart is nested whole, placed below the legend; the frame is wider and taller than it.
    expect(svg).toMatch(/<svg x="[\d.]+" y="[\d.]+" xmlns="http:\/\/www.w3.org\/2000\/svg" width="600" height="300" class="plot">/);
    expect(width).toBeGreaterThan(600);
    expect(height).toBeGreaterThan(300 + 100);
    expect(svg.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
  });

  it("says nothing of synthetic data for a real release", () => {
    const { svg } = reportSvg(chart, { ...text, synthetic: undefined });
    expect(svg).not.toContain("synthétiques :");
  });

  it("wraps long titles within the width", () => {
    const lines = wrap("Taux de mortalité prématurée standardisé par âge pour 100 000 habitants de moins de 75 ans", 18, 300);
    expect(lines.length).toBeGreaterThan(2);
    expect(lines.join(" ")).toBe("Taux de mortalité prématurée standardisé par âge pour 100 000 habitants de moins de 75 ans");
  });

  it("never breaks a line at a no-break space", () => {
    expect(wrap("Source\u00a0: AIM", 11, 1000)).toEqual(["Source\u00a0: AIM"]);
    expect(wrap("aaaa\u00a0bbbb cccc", 10, 50)).toEqual(["aaaa\u00a0bbbb", "cccc"]);
  });

  it("writes a period as one year when it is one", () => {
    expect(periodText(2019, 2024)).toBe("2019–2024");
    expect(periodText(2024, 2024)).toBe("2024");
    expect(periodText(undefined, 2024)).toBe("2024");
    expect(periodText(null, null)).toBe("");
  });
});
