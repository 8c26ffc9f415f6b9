// A chart made report-ready: the exported SVG (and the PNG drawn from it) carries its title, a
// subtitle (area, period), its legend, the source, the release's title and, for a synthetic
// release, the note that every figure is invented, around the chart itself. Text is wrapped
// by an estimate of its width (no DOM needed), so this is a pure function of strings. Pure.
import { escapeXml } from "../../../core/escape-xml.ts";

export type LegendEntry =
  { kind: "chip"; label: string; fill: string; text: string; icon: string } | { kind: "line"; label: string; colour: string; dashed: boolean } | { kind: "hatch"; label: string };

export interface ReportText {
  title: string;
  subtitle: string;
  legendTitle?: string;
  legend: LegendEntry[];
  /** "Source: …" already worded in the page's language. */
  source: string;
  release: string;
  /** Present only for a synthetic release. */
  synthetic?: string;
}

export interface ChartImage {
  /** The chart's own <svg> element, serialised. */
  markup: string;
  width: number;
  height: number;
}

const FONT = `system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', sans-serif`;
const PAD = 16;
const MIN_WIDTH = 480;

export { escapeXml };

/** "2019–2024", or "2024" for one year; "" when unknown. For subtitles. */
export function periodText(first: number | null | undefined, last: number | null | undefined): string {
  if (first == null || last == null) return first == null ? (last == null ? "" : String(last)) : String(first);
  return first === last ? String(first) : `${first}–${last}`;
}

/** Estimated width of a text: average glyph of a sans-serif is about 0.56 em. */
export function textWidth(text: string, size: number): number {
  return [...text].length * size * 0.56;
}

/**
 * Lines of at most `width` pixels, broken at ordinary spaces only: a no-break space (French
 * "Source\u00a0:", "95\u00a0%") holds its words together. A word longer than a line stands alone.
 */
export function wrap(text: string, size: number, width: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/[ \t\r\n]+/).filter(Boolean)) {
    const next = line ? `${line} ${word}` : word;
    if (line && textWidth(next, size) > width) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines;
}

const HATCH = `<pattern id="report-hatch" patternUnits="userSpaceOnUse" width="6" height="6" patternTransform="rotate(45)"><rect width="6" height="6" fill="#f2f2f2"/><line x1="0" y1="0" x2="0" y2="6" stroke="#767676" stroke-width="2"/></pattern>`;

function swatch(entry: LegendEntry, x: number, y: number): string {
  if (entry.kind === "line") return `<line x1="${x}" y1="${y + 7}" x2="${x + 22}" y2="${y + 7}" stroke="${escapeXml(entry.colour)}" stroke-width="3"${entry.dashed ? ' stroke-dasharray="5,3"' : ""}/>`;
  if (entry.kind === "hatch") return `<rect x="${x}" y="${y}" width="22" height="14" fill="url(#report-hatch)" stroke="#5c5c5c"/>`;
  return `<rect x="${x}" y="${y}" width="22" height="14" rx="2" fill="${escapeXml(entry.fill)}" stroke="#5c5c5c"/><text x="${x + 11}" y="${y + 11}" font-size="9" text-anchor="middle" fill="${escapeXml(entry.text)}">${escapeXml(entry.icon)}</text>`;
}

/** The report-ready SVG document around a chart. */
export function reportSvg(chart: ChartImage, text: ReportText): { svg: string; width: number; height: number } {
  const width = Math.ceil(Math.max(chart.width, MIN_WIDTH) + 2 * PAD);
  const inner = width - 2 * PAD;
  const parts: string[] = [];
  let y = PAD;
  const block = (content: string, size: number, options: { weight?: string; fill?: string } = {}) => {
    for (const line of wrap(content, size, inner)) {
      y += size * 1.3;
      parts.push(`<text x="${PAD}" y="${y.toFixed(1)}" font-size="${size}"${options.weight ? ` font-weight="${options.weight}"` : ""} fill="${options.fill ?? "#1a1a1a"}">${escapeXml(line)}</text>`);
    }
  };
  block(text.title, 18, { weight: "700" });
  if (text.subtitle) block(text.subtitle, 13, { fill: "#4d4d4d" });
  if (text.legend.length) {
    y += 8;
    if (text.legendTitle) block(text.legendTitle, 12, { weight: "600" });
    y += 4;
    let x = PAD;
    for (const entry of text.legend) {
      const w = 28 + textWidth(entry.label, 12) + 14;
      if (x > PAD && x + w > PAD + inner) {
        x = PAD;
        y += 20;
      }
      parts.push(`<g class="report-legend-entry">${swatch(entry, x, y)}<text x="${x + 28}" y="${y + 11}" font-size="12" fill="#1a1a1a">${escapeXml(entry.label)}</text></g>`);
      x += w;
    }
    y += 20;
  }
  y += 8;
  const chartY = y;
  const chartX = PAD + Math.max(0, (inner - chart.width) / 2);
  y += chart.height + 8;
  block(text.source, 11, { fill: "#4d4d4d" });
  block(text.release, 11, { fill: "#4d4d4d" });
  if (text.synthetic) block(text.synthetic, 11, { weight: "700", fill: "#4a3b00" });
  const height = Math.ceil(y + PAD);
  const nested = chart.markup.replace(/^<svg\b/, `<svg x="${chartX.toFixed(1)}" y="${chartY.toFixed(1)}"`);
  const svg = [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${FONT}">`,
    `<title>${escapeXml(text.title)}</title>`,
    `<defs>${HATCH}</defs>`,
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
    ...parts,
    nested,
    `</svg>`,
  ].join("\n");
  return { svg, width, height };
}
