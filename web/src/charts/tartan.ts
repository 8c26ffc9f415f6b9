// The tartan rug: indicators down, zones across, each cell filled with the comparison's colour
// and its icon written on it (colour is never alone), hidden cells hatched. A click on a cell
// calls `onPick` (the view opens that indicator with that zone). Plot draws one <rect> per cell
// in data order, which is how shapes are matched back to cells.
import * as Plot from "@observablehq/plot";
import type { TartanCell, TartanRow } from "../lib/tartan.ts";

export interface TartanOptions {
  rows: TartanRow[];
  /** Row labels (indicator and year) and column labels (zone names), in display order. */
  rowLabel: (row: TartanRow) => string;
  width: number;
  ariaLabel: string;
  ariaDescription: string;
  cellTitle: (cell: TartanCell) => string;
  onPick?: (cell: TartanCell) => void;
}

const HATCH = `<pattern id="hidden-hatch" patternUnits="userSpaceOnUse" width="6" height="6" patternTransform="rotate(45)"><rect width="6" height="6" fill="#f2f2f2"/><line x1="0" y1="0" x2="0" y2="6" stroke="#767676" stroke-width="2"/></pattern>`;
const CELL = 18;

export function tartan(o: TartanOptions): SVGSVGElement {
  const labels = new Map(o.rows.map((r) => [r.indicator.id, o.rowLabel(r)]));
  const cells = o.rows.flatMap((r) => r.cells);
  const zones = o.rows[0]?.cells.map((c) => c.zone.name) ?? [];
  const longestZone = Math.max(4, ...zones.map((z) => z.length));
  const marginLeft = Math.min(300, Math.max(120, Math.max(...[...labels.values()].map((l) => l.length)) * 6));
  const marginBottom = Math.min(170, 12 + longestZone * 5.6);
  // Cells from 18 px (many zones: the rug scrolls) to 48 px wide (a few zones: no stretched bands).
  const width = Math.max(marginLeft + zones.length * CELL + 16, Math.min(o.width, marginLeft + zones.length * 48 + 16));
  const height = marginBottom + 12 + o.rows.length * CELL;
  const svg = Plot.plot({
    width,
    height,
    marginLeft,
    marginBottom,
    marginTop: 12,
    marginRight: 16,
    x: { domain: zones, label: null, tickRotate: -90, tickSize: 0, padding: 0 },
    y: { domain: o.rows.map((r) => labels.get(r.indicator.id)!), label: null, tickSize: 0, padding: 0 },
    color: { type: "identity" },
    style: { fontSize: "10px" },
    ariaLabel: o.ariaLabel,
    ariaDescription: o.ariaDescription,
    marks: [
      Plot.cell(cells, {
        x: (c: TartanCell) => c.zone.name,
        y: (c: TartanCell) => labels.get(c.indicator.id),
        fill: (c: TartanCell) => c.style.fill,
        stroke: "#ffffff",
        strokeWidth: 1,
        title: o.cellTitle,
      }),
      Plot.text(cells, {
        x: (c: TartanCell) => c.zone.name,
        y: (c: TartanCell) => labels.get(c.indicator.id),
        text: (c: TartanCell) => (c.style.key === "hidden" || c.style.key === "none" ? "" : c.style.icon),
        fill: (c: TartanCell) => c.style.text,
        fontSize: 8,
        pointerEvents: "none",
      }),
    ],
  }) as SVGSVGElement;
  svg.insertAdjacentHTML("afterbegin", `<defs>${HATCH}</defs>`);
  // Cells stay readable: a wide rug scrolls in its card rather than shrinking to fit.
  svg.style.maxWidth = "none";
  const rects = svg.querySelectorAll<SVGRectElement>('g[aria-label="cell"] rect');
  rects.forEach((rect, i) => {
    const cell = cells[i];
    if (!cell) return;
    rect.dataset.indicator = cell.indicator.id;
    rect.dataset.area = cell.zone.code;
    rect.dataset.comparison = cell.style.key;
    if (!o.onPick || !cell.cell) return;
    rect.style.cursor = "pointer";
    rect.addEventListener("click", () => o.onPick?.(cell));
  });
  return svg;
}
