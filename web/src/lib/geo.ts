// GeoJSON as d3-geo (and so Observable Plot) wants it. RFC 7946 winds exterior rings
// counter-clockwise; d3-geo works on the sphere and reads a counter-clockwise ring as "everything
// but this polygon", so each exterior ring is turned clockwise and each hole counter-clockwise. Pure.

type Ring = GeoJSON.Position[];

/** Twice the signed planar area (x = longitude, y = latitude): positive when counter-clockwise. */
export function signedArea(ring: Ring): number {
  let sum = 0;
  for (let i = 0, n = ring.length; i < n; i++) {
    const [x1, y1] = ring[i]!;
    const [x2, y2] = ring[(i + 1) % n]!;
    sum += x1! * y2! - x2! * y1!;
  }
  return sum;
}

function wound(ring: Ring, clockwise: boolean): Ring {
  const ccw = signedArea(ring) > 0;
  return ccw === clockwise ? [...ring].reverse() : ring;
}

function polygon(rings: Ring[]): Ring[] {
  return rings.map((ring, i) => wound(ring, i === 0));
}

export function rewindGeometry(g: GeoJSON.Geometry | null): GeoJSON.Geometry | null {
  if (!g) return g;
  if (g.type === "Polygon") return { ...g, coordinates: polygon(g.coordinates) };
  if (g.type === "MultiPolygon") return { ...g, coordinates: g.coordinates.map(polygon) };
  if (g.type === "GeometryCollection") return { ...g, geometries: g.geometries.map((x) => rewindGeometry(x)!) };
  return g;
}

export function rewindForD3(collection: GeoJSON.FeatureCollection): GeoJSON.FeatureCollection {
  return { ...collection, features: collection.features.map((f) => ({ ...f, geometry: rewindGeometry(f.geometry)! })) };
}
