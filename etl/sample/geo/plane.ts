/**
 * A local plane for Belgium: x = lon·cos(50.5°), y = lat. Distances and Voronoi cells
 * are isotropic there, which they are not in raw degrees (1° lon ≈ 0.64° lat here).
 */
export type XY = [x: number, y: number];

export const KX = Math.cos((50.5 * Math.PI) / 180);
/** Kilometres per plane unit (one degree of latitude). */
export const KM_PER_UNIT = 111.2;

export const project = (lat: number, lon: number): XY => [lon * KX, lat];
export const toLonLat = (p: XY): XY => [p[0] / KX, p[1]];
export const distKm = (a: XY, b: XY): number => Math.hypot(a[0] - b[0], a[1] - b[1]) * KM_PER_UNIT;
export const round5 = (v: number): number => Math.round(v * 1e5) / 1e5;
