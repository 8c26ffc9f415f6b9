// Downloads of what a chart shows: its data as CSV, the chart as SVG or PNG. The SVG is the
// chart's own element, serialised with its styles and framed for a report (report-frame.ts:
// title, subtitle, legend, source, release, synthetic note); the PNG is that SVG drawn on a
// canvas at twice its size (CSP allows blob: and data: images for this).
import { reportSvg, type ChartImage, type ReportText } from "./report-frame.ts";

export function downloadBlob(name: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  a.rel = "noopener";
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function downloadText(name: string, text: string, type: string): void {
  downloadBlob(name, new Blob([text], { type }));
}

/** The chart (the first <svg> in `root`) as markup with its size, ready to be framed. */
export function chartImage(root: Element): ChartImage {
  const own = root.tagName.toLowerCase() === "svg" ? root : root.querySelector("svg");
  const svg = own?.cloneNode(true) as SVGSVGElement | undefined;
  if (!own || !svg) throw new Error("no chart to export");
  const box = own.getBoundingClientRect();
  const width = Number(own.getAttribute("width")) || (own as SVGSVGElement).viewBox?.baseVal?.width || box.width || 640;
  const height = Number(own.getAttribute("height")) || (own as SVGSVGElement).viewBox?.baseVal?.height || box.height || 400;
  svg.setAttribute("xmlns", "http://www.w3.org/2000/svg");
  svg.setAttribute("xmlns:xlink", "http://www.w3.org/1999/xlink");
  svg.setAttribute("width", String(width));
  svg.setAttribute("height", String(height));
  return { markup: new XMLSerializer().serializeToString(svg), width, height };
}

/** The report-ready SVG document: the chart with its title, legend, source and release. */
export function reportSvgText(root: Element, text: ReportText): { svg: string; width: number; height: number } {
  return reportSvg(chartImage(root), text);
}

/** A PNG of an SVG document, drawn on a canvas at `scale` times its size (CSP allows blob: images). */
export async function pngBlob(svgText: string, width: number, height: number, scale = 2): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([svgText], { type: "image/svg+xml" }));
  try {
    const image = await new Promise<HTMLImageElement>((resolve, reject) => {
      const img = new Image();
      img.onload = () => resolve(img);
      img.onerror = () => reject(new Error("the chart could not be drawn as an image"));
      img.src = url;
    });
    const canvas = document.createElement("canvas");
    canvas.width = Math.ceil(width * scale);
    canvas.height = Math.ceil(height * scale);
    const context = canvas.getContext("2d")!;
    context.scale(scale, scale);
    context.drawImage(image, 0, 0, width, height);
    return await new Promise<Blob>((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error("PNG export failed"))), "image/png"));
  } finally {
    URL.revokeObjectURL(url);
  }
}
