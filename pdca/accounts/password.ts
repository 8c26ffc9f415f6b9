// Passwords: scrypt (node:crypto) with a random 16-byte salt per password; the parameters
// travel in the hash, so raising the cost later keeps old hashes verifiable.
// Format: scrypt$N$r$p$salt(base64url)$hash(base64url).
import type { Refusal } from "../../core/error-codes.ts";
import { randomBytes, scrypt as scryptCallback, timingSafeEqual, type ScryptOptions } from "node:crypto";

export interface ScryptCost {
  /** CPU/memory cost, a power of 2 (default 2^15: 32 MiB and about 0.1 s per hash). */
  N: number;
  r: number;
  p: number;
}
export const DEFAULT_COST: ScryptCost = { N: 2 ** 15, r: 8, p: 1 };
const KEY_LENGTH = 32;
export const MIN_PASSWORD = 12;
export const MAX_PASSWORD = 256;

function scrypt(password: string, salt: Buffer, cost: ScryptCost): Promise<Buffer> {
  // scrypt needs 128 · N · r bytes; Node's default ceiling (32 MiB) is exactly 2^15 · 8 · 128.
  const options: ScryptOptions = { N: cost.N, r: cost.r, p: cost.p, maxmem: 256 * cost.N * cost.r + 1024 * 1024 };
  return new Promise((resolve, reject) => scryptCallback(password.normalize("NFC"), salt, KEY_LENGTH, options, (e, key) => (e ? reject(e) : resolve(key))));
}

export async function hashPassword(password: string, cost: ScryptCost = DEFAULT_COST): Promise<string> {
  const salt = randomBytes(16);
  const key = await scrypt(password, salt, cost);
  return `scrypt$${cost.N}$${cost.r}$${cost.p}$${salt.toString("base64url")}$${key.toString("base64url")}`;
}

/** Constant-time comparison; false for a malformed hash. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, key] = stored.split("$");
  if (scheme !== "scrypt" || !salt || !key) return false;
  const cost = { N: Number(n), r: Number(r), p: Number(p) };
  if (![cost.N, cost.r, cost.p].every((x) => Number.isInteger(x) && x > 0)) return false;
  const expected = Buffer.from(key, "base64url");
  const actual = await scrypt(password, Buffer.from(salt, "base64url"), cost);
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}

/** A hash no password matches, verified for unknown usernames so that they take as long. */
let dummy: Promise<string> | undefined;
export function dummyHash(): Promise<string> {
  dummy ??= hashPassword(randomBytes(24).toString("base64"));
  return dummy;
}

/** Why a new password is refused, or null. Length only (NIST SP 800-63B): no composition rules. */
export function passwordProblem(password: string): Refusal | null {
  const length = [...password].length;
  if (length < MIN_PASSWORD) return { code: "password-too-short", message: `the password must have at least ${MIN_PASSWORD} characters`, params: { min: MIN_PASSWORD } };
  if (length > MAX_PASSWORD) return { code: "password-too-long", message: `the password must have at most ${MAX_PASSWORD} characters`, params: { max: MAX_PASSWORD } };
  if (new Set(password).size < 4) return { code: "password-too-simple", message: "the password must not repeat so few characters" };
  return null;
}
