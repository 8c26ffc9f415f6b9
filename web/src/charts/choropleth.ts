// Choropleth of the zones of one system: colour by comparison (significance) or quintile,
// hatched where the cell is hidden. Each zone is a focusable link-like shape: click or Enter
// calls `onPick`. Plot draws one <path> per feature in data order, which is how shapes are
// matched back to zones.
import * as Plot from "@observablehq/plot";
import type { Cell } from "../lib/api.ts";
import { comparisonStyle, quintileStyle } from "../lib/legend.ts";

export interface ChoroplethOptions {
  features: GeoJSON.Feature[];
  cells: Map<string, Cell>;
  mode: "significance" | "quintile" | "none";
  benchmark: "belgium" | "region";
  width: number;
  ariaLabel: string;
  ariaDescription: string;
  /** The tooltip and accessible name of a zone. */
  label: (code: string, cell: Cell | undefined) => string;
  onPick?: (code: string) => void;
  selected?: readonly string[];
}

const HATCH = `<pattern id="hidden-hatch" patternUnits="userSpaceOnUse" width="6" height="6" patternTransform="rotate(45)"><rect width="6" height="6" fill="#f2f2f2"/><line x1="0" y1="0" x2="0" y2="6" stroke="#767676" stroke-width="2"/></pattern>`;

export function fillOf(cell: Cell | undefined, mode: ChoroplethOptions["mode"], benchmark: ChoroplethOptions["benchmark"]): string {
  if (mode === "none") return cell?.hidden ? "url(#hidden-hatch)" : "#c6dbef";
  if (mode === "quintile") return quintileStyle(cell?.quintile, cell?.hidden).fill;
  return comparisonStyle(benchmark === "region" ? cell?.compared_region : cell?.compared_belgium, cell?.hidden).fill;
}

export function choropleth(o: ChoroplethOptions): SVGSVGElement {
  const codeOf = (f: GeoJSON.Feature) => String(f.properties?.area_code ?? f.id);
  const collection: GeoJSON.FeatureCollection = { type: "FeatureCollection", features: o.features };
  const selected = new Set(o.selected ?? []);
  const height = Math.round(Math.min(o.width * 0.8, 560));
  const svg = Plot.plot({
    width: o.width,
    height,
    projection: { type: "mercator", domain: collection, inset: 8 },
    color: { type: "identity" },
    ariaLabel: o.ariaLabel,
    ariaDescription: o.ariaDescription,
    marks: [
      Plot.geo(o.features, {
        fill: (f: GeoJSON.Feature) => fillOf(o.cells.get(codeOf(f)), o.mode, o.benchmark),
        stroke: (f: GeoJSON.Feature) => (selected.has(codeOf(f)) ? "#000000" : "#ffffff"),
        strokeWidth: (f: GeoJSON.Feature) => (selected.has(codeOf(f)) ? 2.5 : 0.8),
        title: (f: GeoJSON.Feature) => o.label(codeOf(f), o.cells.get(codeOf(f))),
      }),
    ],
  }) as SVGSVGElement;
  svg.insertAdjacentHTML("afterbegin", `<defs>${HATCH}</defs>`);
  const paths = svg.querySelectorAll<SVGPathElement>('g[aria-label="geo"] path');
  paths.forEach((path, i) => {
    const feature = o.features[i];
    if (!feature) return;
    const code = codeOf(feature);
    path.dataset.area = code;
    path.setAttribute("aria-label", o.label(code, o.cells.get(code)));
    if (!o.onPick) return;
    path.setAttribute("tabindex", "0");
    path.setAttribute("role", "link");
    path.style.cursor = "pointer";
    path.addEventListener("click", () => o.onPick?.(code));
    path.addEventListener("keydown", (e) => {
      if (e.key === "Enter" || e.key === " ") {
        e.preventDefault();
        o.onPick?.(code);
      }
    });
  });
  return svg;
}
