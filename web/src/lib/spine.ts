// The spine chart of a profile row, in the manner of England's public-health profiles: Belgium's
// value in the centre, the peers' range (min–max, light) and middle half (q1–q3, dark) around it,
// the area's value as a marker. The scale is symmetric around the centre so the spine is always
// in the middle, and flipped for "low is good" so that better is always on the right. Pure.

export interface Distribution {
  min: number;
  q1: number;
  median: number;
  q3: number;
  max: number;
}

export interface Spine {
  /** Positions from 0 (left edge) to 1 (right edge); the centre is 0.5. */
  range: [number, number];
  middle: [number, number];
  value: number | null;
  /** True when right means a higher value (false for low-is-good: the axis is flipped). */
  higherRight: boolean;
}

export function spine(distribution: Distribution, centre: number | null, value: number | null, polarity: string): Spine {
  const c = centre ?? distribution.median;
  const half = Math.max(Math.abs(distribution.min - c), Math.abs(distribution.max - c), Math.abs((value ?? c) - c)) || 1;
  const higherRight = polarity !== "low-is-good";
  const pos = (v: number) => 0.5 + (higherRight ? 1 : -1) * ((v - c) / half) * 0.5;
  const sorted = (a: number, b: number): [number, number] => (a <= b ? [a, b] : [b, a]);
  return {
    range: sorted(pos(distribution.min), pos(distribution.max)),
    middle: sorted(pos(distribution.q1), pos(distribution.q3)),
    value: value === null ? null : pos(value),
    higherRight,
  };
}
