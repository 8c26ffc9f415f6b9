// Exact arithmetic modulo the prime 2^31 − 1, shared by the Gaussian eliminations
// (gauss.ts, gauss-suppression.ts): exact, and never drifts like floating point.

export const P = 2147483647;

/** a·b mod P; a·b can exceed 2^53, so a is split into 16-bit halves to keep products exact. */
export function mul(a: number, b: number): number {
  const high = Math.floor(a / 65536);
  const low = a % 65536;
  return (((high * b) % P) * 65536 + low * b) % P;
}

/** a⁻¹ mod P, by Fermat: a^(P−2). */
export function inverse(a: number): number {
  let result = 1;
  let base = a;
  for (let e = P - 2; e > 0; e = Math.floor(e / 2)) {
    if (e % 2 === 1) result = mul(result, base);
    base = mul(base, base);
  }
  return result;
}

/** x mod P in [0, P). */
export const mod = (x: number): number => ((x % P) + P) % P;
