// Downloads of what a chart shows: its data as CSV, the chart as SVG or PNG. The SVG is the
// chart's own element, serialised with its styles; the PNG is that SVG drawn on a canvas at
// twice its size (CSP allows blob: and data: images for this).

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

/** A standalone SVG document for the chart (the first <svg> in `root`). */
export function svgText(root: Element): string {
  const svg = (root.tagName.toLowerCase() === "svg" ? root : root.querySelector("svg"))?.cloneNode(true) as SVGSVGElement | undefined;
  if (!svg) throw new Error("no chart to export");
  svg.setAttribute("xmlns", "http://www.w3.org/2000/svg");
  svg.setAttribute("xmlns:xlink", "http://www.w3.org/1999/xlink");
  if (!svg.getAttribute("width")) svg.setAttribute("width", String(svg.viewBox.baseVal?.width || 640));
  if (!svg.getAttribute("height")) svg.setAttribute("height", String(svg.viewBox.baseVal?.height || 400));
  // A white background: an exported chart is pasted into slides and documents.
  const bg = document.createElementNS("http://www.w3.org/2000/svg", "rect");
  bg.setAttribute("width", "100%");
  bg.setAttribute("height", "100%");
  bg.setAttribute("fill", "white");
  svg.insertBefore(bg, svg.firstChild);
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(svg)}`;
}

export async function pngBlob(root: Element, scale = 2): Promise<Blob> {
  const text = svgText(root);
  const svg = root.tagName.toLowerCase() === "svg" ? root : root.querySelector("svg")!;
  const width = Number(svg.getAttribute("width")) || svg.getBoundingClientRect().width;
  const height = Number(svg.getAttribute("height")) || svg.getBoundingClientRect().height;
  const url = URL.createObjectURL(new Blob([text], { type: "image/svg+xml" }));
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
