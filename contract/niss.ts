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

/**
 * JavaScript's `\s` and `trim()` whitespace, spelt out for RE2 (DuckDB's regular
 * expressions), whose `\s` is ASCII only: the SQL twin must see what the JavaScript sees.
 */
const WHITESPACE = "\\t\\n\\x{0B}\\f\\r \\x{A0}\\x{1680}\\x{2000}-\\x{200A}\\x{2028}\\x{2029}\\x{202F}\\x{205F}\\x{3000}\\x{FEFF}";

/**
 * The SQL twin of `isNationalRegisterNumber`, for the load's fast screen: a DuckDB boolean
 * over the VARCHAR expression `x` (NULL, an empty field, is false). True wherever the
 * JavaScript test is, and on few values besides (a number behind a letter prefix is taken
 * whatever its birth date, and a float after any separators): the screen sends a file where it
 * is ever true to the row checker, which decides. `niss-sql.test.ts` holds it to that.
 *
 * It runs on every field of large files, so it is built to be cheap: nested CASEs (DuckDB
 * evaluates a branch only for the rows that reach it; AND does not stop early) let the length
 * and then the shape (digits and separators, or a short letter prefix before them: what every
 * branch of the JavaScript test needs, and what pseudonyms lack) turn away nearly every value
 * before the arithmetic, and only one regular expression is costly to plan.
 */
export function nationalRegisterNumberSql(x: string): string {
  const shape = `regexp_full_match(${x}, '[${WHITESPACE}]*([0-9][0-9${WHITESPACE}.\\-/_,:]*|[A-Za-z]{1,3}[${WHITESPACE}:#_-]?[0-9][0-9${WHITESPACE}.\\-/_]*)')`;
  // A candidate is 1 followed by the digits, as a number: eleven digits, leading zeros
  // included, make 100000000000 to 199999999999, whose last two digits check the nine before.
  const digits = `TRY_CAST('1' || regexp_replace(${x}, '[^0-9]', '', 'g') AS BIGINT)`;
  const float = `TRY_CAST('1' || lpad(NULLIF(regexp_extract(${x}, '^[^0-9]*([0-9]{9,11})\\.0+[^0-9]*$', 1), ''), 11, '0') AS BIGINT)`;
  const passes = (v: string) =>
    `COALESCE(${v} BETWEEN 100000000000 AND 199999999999 AND (97 - (${v} // 100 - 1000000000) % 97 = ${v} % 100 OR 97 - (${v} // 100 + 1000000000) % 97 = ${v} % 100), false)`;
  return `CASE WHEN length(${x}) BETWEEN 11 AND 20 THEN CASE WHEN ${shape} THEN ${passes(digits)} OR ${passes(float)} ELSE false END ELSE false END`;
}
