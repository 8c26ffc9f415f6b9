// Shape checks of one boundary geometry, pure: positions of numbers (not strings), rings of at
// least 4 positions that close on themselves (errors: a map cannot be drawn from them), and
// rings crossing themselves (a warning: real boundaries have such slivers, e.g. one of the
// 2019 Belgian municipalities; maps still draw, a point near the crossing may be misplaced).

/** The first structural problem of a Polygon or MultiPolygon's coordinates, in words; null when sound. */
export function geometryProblem(type: "Polygon" | "MultiPolygon", coordinates: unknown): string | null {
  const polygons = type === "Polygon" ? [coordinates] : coordinates;
  if (!Array.isArray(polygons) || polygons.length === 0) return "coordinates must be a non-empty array";
  for (const [p, polygon] of polygons.entries()) {
    if (!Array.isArray(polygon) || polygon.length === 0) return `polygon ${p + 1} has no ring`;
    for (const [r, ring] of polygon.entries()) {
      const where = `${type === "MultiPolygon" ? `polygon ${p + 1}, ` : ""}ring ${r + 1}`;
      const problem = ringProblem(ring);
      if (problem) return `${where}: ${problem}`;
    }
  }
  return null;
}

function ringProblem(ring: unknown): string | null {
  if (!Array.isArray(ring)) return "is not an array of positions";
  for (const [i, position] of ring.entries()) {
    if (!Array.isArray(position) || position.length < 2) return `position ${i + 1} is not [longitude, latitude]`;
    if (typeof position[0] !== "number" || typeof position[1] !== "number")
      return `position ${i + 1} holds ${typeof position[0] === "number" ? typeof position[1] : typeof position[0]} values, not numbers`;
    if (!Number.isFinite(position[0]) || !Number.isFinite(position[1])) return `position ${i + 1} is not a finite number`;
  }
  const points = ring as [number, number][];
  if (points.length < 4) return `has ${points.length} position(s), a closed ring needs at least 4`;
  const first = points[0]!;
  const last = points[points.length - 1]!;
  if (first[0] !== last[0] || first[1] !== last[1]) return "is not closed (its last position differs from its first)";
  return null;
}

/** Where a structurally sound geometry's ring crosses itself, in words; null when none does. */
export function crossingProblem(type: "Polygon" | "MultiPolygon", coordinates: unknown): string | null {
  const polygons = (type === "Polygon" ? [coordinates] : coordinates) as [number, number][][][];
  for (const [p, polygon] of polygons.entries()) {
    for (const [r, ring] of polygon.entries()) {
      const crossing = selfCrossing(ring);
      if (crossing) return `${type === "MultiPolygon" ? `polygon ${p + 1}, ` : ""}ring ${r + 1} crosses itself (segments ${crossing[0] + 1} and ${crossing[1] + 1})`;
    }
  }
  return null;
}

/**
 * Two non-adjacent segments of the ring that cross properly (touching at a point is allowed:
 * real boundaries do). Segments are bucketed on a grid, so a ring of n points costs about n.
 */
export function selfCrossing(points: readonly [number, number][]): [number, number] | null {
  const n = points.length - 1;
  if (n < 4) return null;
  let minX = Infinity,
    minY = Infinity,
    maxX = -Infinity,
    maxY = -Infinity;
  for (const [x, y] of points) {
    minX = Math.min(minX, x);
    maxX = Math.max(maxX, x);
    minY = Math.min(minY, y);
    maxY = Math.max(maxY, y);
  }
  const side = Math.max(1, Math.ceil(Math.sqrt(n)));
  const cw = (maxX - minX) / side || 1;
  const ch = (maxY - minY) / side || 1;
  const cell = (v: number, min: number, size: number) => Math.min(side - 1, Math.max(0, Math.floor((v - min) / size)));
  const grid = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    const [ax, ay] = points[i]!;
    const [bx, by] = points[i + 1]!;
    for (let gx = cell(Math.min(ax, bx), minX, cw); gx <= cell(Math.max(ax, bx), minX, cw); gx++) {
      for (let gy = cell(Math.min(ay, by), minY, ch); gy <= cell(Math.max(ay, by), minY, ch); gy++) {
        const key = gx * side + gy;
        const list = grid.get(key);
        if (list) list.push(i);
        else grid.set(key, [i]);
      }
    }
  }
  for (const list of grid.values()) {
    for (let a = 0; a < list.length; a++) {
      for (let b = a + 1; b < list.length; b++) {
        const i = Math.min(list[a]!, list[b]!);
        const j = Math.max(list[a]!, list[b]!);
        // Neighbours share a vertex, and so do the first and last segments.
        if (j - i <= 1 || (i === 0 && j === n - 1)) continue;
        if (properlyCross(points[i]!, points[i + 1]!, points[j]!, points[j + 1]!)) return [i, j];
      }
    }
  }
  return null;
}

const orient = (a: readonly number[], b: readonly number[], c: readonly number[]) => Math.sign((b[0]! - a[0]!) * (c[1]! - a[1]!) - (b[1]! - a[1]!) * (c[0]! - a[0]!));

function properlyCross(a: readonly number[], b: readonly number[], c: readonly number[], d: readonly number[]): boolean {
  const o1 = orient(a, b, c),
    o2 = orient(a, b, d),
    o3 = orient(c, d, a),
    o4 = orient(c, d, b);
  return o1 * o2 < 0 && o3 * o4 < 0;
}

/** The first arc index of a TopoJSON object that is not in the topology (arcs are ~i when reversed). */
export function badArcIndex(arcs: unknown, count: number): number | null {
  if (typeof arcs === "number") {
    const i = arcs < 0 ? ~arcs : arcs;
    return Number.isInteger(arcs) && i < count ? null : arcs;
  }
  if (!Array.isArray(arcs)) return null;
  for (const a of arcs) {
    const bad = badArcIndex(a, count);
    if (bad !== null) return bad;
  }
  return null;
}
