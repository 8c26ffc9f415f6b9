/**
 * The Belgian national register number (NISS/INSZ, 11 digits) is a direct identifier:
 * a column holding values that pass its check-digit test is refused outright.
 * Check digits = 97 − (first 9 digits mod 97); for births from 2000 a "2" is put
 * in front of the 9 digits before the modulo.
 */
const SEPARATORS = /[\s.\-/_,:]/g;

/**
 * True for a value that is, or plainly hides, a national register number: 11 digits with any
 * separators (`85.07.30-033.28`, `850730_033_28`), the same number held as a floating-point
 * value (`85073003328.0`, or `1010112345.0` with its leading zero lost in a Parquet DOUBLE),
 * or behind a prefix of up to 3 letters (`X85073003328`, `NRN:85073003328`) when its first six
 * digits are a possible birth date.
 */
export function isNationalRegisterNumber(value: string): boolean {
  if (value.length < 11 || value.length > 20) return false;
  const text = value.trim();
  const first = text.charCodeAt(0);
  if (first >= 48 && first <= 57) {
    const float = /^(\d{9,11})\.0+$/.exec(text);
    if (float) return passesCheck((float[1] as string).padStart(11, "0"));
    return passesCheck(text.replace(SEPARATORS, ""));
  }
  // Pseudonyms start with a letter: only a short letter prefix before 11 digits is looked at.
  const prefixed = /^[A-Za-z]{1,3}[\s:#_-]?(\d[\d\s.\-/_]{10,18})$/.exec(text);
  if (!prefixed) return false;
  const digits = (prefixed[1] as string).replace(SEPARATORS, "");
  return passesCheck(digits) && plausibleBirthDate(digits);
}

function passesCheck(digits: string): boolean {
  if (digits.length !== 11 || !/^\d{11}$/.test(digits)) return false;
  const base = Number(digits.slice(0, 9));
  const check = Number(digits.slice(9));
  return 97 - (base % 97) === check || 97 - ((2_000_000_000 + base) % 97) === check;
}

/** YYMMDD, where bis numbers add 20 or 40 to the month (and 00 stands for unknown). */
function plausibleBirthDate(digits: string): boolean {
  const month = Number(digits.slice(2, 4)) % 20;
  const day = Number(digits.slice(4, 6));
  return Number(digits.slice(2, 4)) < 60 && month <= 12 && day <= 31;
}

/** Shows enough of a value to find it in the file without repeating the identifier. */
export function maskIdentifier(value: string): string {
  return value.length <= 4 ? "****" : `${value.slice(0, 4)}${"*".repeat(value.length - 4)}`;
}
