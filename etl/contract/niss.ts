/**
 * The Belgian national register number (NISS/INSZ, 11 digits) is a direct identifier:
 * a column holding values that pass its check-digit test is refused outright.
 * Check digits = 97 − (first 9 digits mod 97); for births from 2000 a "2" is put
 * in front of the 9 digits before the modulo.
 */
const SEPARATORS = /[\s.\-/]/g;

export function isNationalRegisterNumber(value: string): boolean {
  if (value.length < 11 || value.length > 20) return false;
  // Fast refusal for the common case (pseudonyms start with a letter): this runs on every field.
  const first = value.trimStart().charCodeAt(0);
  if (first < 48 || first > 57) return false;
  const digits = value.replace(SEPARATORS, "");
  if (digits.length !== 11 || !/^\d{11}$/.test(digits)) return false;
  const base = Number(digits.slice(0, 9));
  const check = Number(digits.slice(9));
  return 97 - (base % 97) === check || 97 - ((2_000_000_000 + base) % 97) === check;
}

/** Shows enough of a value to find it in the file without repeating the identifier. */
export function maskIdentifier(value: string): string {
  return value.length <= 4 ? "****" : `${value.slice(0, 4)}${"*".repeat(value.length - 4)}`;
}
