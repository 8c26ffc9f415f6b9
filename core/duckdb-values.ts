/**
 * The one conversion from DuckDB's values to plain JavaScript, for every wrapper over DuckDB
 * (core/duckdb.ts, server/duckdb-pool.ts, pdca/store/database.ts). The rules, nested values
 * (LIST, ARRAY, STRUCT, MAP) included:
 *
 * - integers (TINYINT … BIGINT, HUGEINT, their unsigned kinds): a number when it is exact, that
 *   is within ±(2^53 − 1); beyond, the exact bigint, never a rounded number (hashes are UBIGINT);
 * - DECIMAL, FLOAT, DOUBLE: a number (a DECIMAL with more than 15 significant digits is rounded:
 *   cast it to VARCHAR in SQL when every digit counts);
 * - DATE, TIMESTAMP (any precision), TIMESTAMPTZ: a Date (a DATE at midnight UTC);
 * - TIME: microseconds since midnight (TIME_NS: nanoseconds), a number;
 * - VARCHAR, JSON, ENUM, UUID: a string (JSON is left as text for the caller to parse);
 * - LIST and ARRAY: an array; STRUCT: an object; MAP: an array of { key, value };
 * - BOOLEAN: a boolean; BLOB: bytes; NULL: null; any other type as @duckdb/node-api's JS form.
 */
import { bigintFromBigIntValue, DuckDBTypeId, JSDuckDBValueConverter, type DuckDBResultReader, type DuckDBType, type DuckDBValue, type DuckDBValueConverter, type JS } from "@duckdb/node-api";

/** A value as the wrappers return it. */
export type PlainValue = JS;

/** A bigint as a number when that is exact; otherwise the bigint itself. */
export function exactNumber(n: bigint): number | bigint {
  return n <= Number.MAX_SAFE_INTEGER && n >= -Number.MAX_SAFE_INTEGER ? Number(n) : n;
}

/** DuckDB's type ids whose JS form is a bigint holding an integer count. */
const INTEGER_IDS: ReadonlySet<DuckDBTypeId> = new Set([DuckDBTypeId.BIGINT, DuckDBTypeId.UBIGINT, DuckDBTypeId.HUGEINT, DuckDBTypeId.UHUGEINT, DuckDBTypeId.BIGNUM]);

/** The converter handed to @duckdb/node-api; it recurses through itself into nested values. */
const converter: DuckDBValueConverter<PlainValue> = (value, type, self) => {
  if (value === null) return null;
  if (INTEGER_IDS.has(type.typeId)) return exactNumber(bigintFromBigIntValue(value, type));
  if (type.typeId === DuckDBTypeId.TIME || type.typeId === DuckDBTypeId.TIME_NS) {
    const plain = JSDuckDBValueConverter(value, type, self);
    return typeof plain === "bigint" ? exactNumber(plain) : plain;
  }
  return JSDuckDBValueConverter(value, type, self);
};

/** One DuckDB value of the given type as plain JavaScript (the rules above). */
export function plainValue(value: DuckDBValue, type: DuckDBType): PlainValue {
  return converter(value, type, converter);
}

/** A result's rows as plain objects, column name → plain value. */
export function plainRows<T = Record<string, PlainValue>>(reader: DuckDBResultReader): T[] {
  return reader.convertRowObjects(converter) as unknown as T[];
}

/** A result by column, column name → plain values (a wide result read without building row objects). */
export function plainColumns<T = Record<string, PlainValue[]>>(reader: DuckDBResultReader): T {
  return reader.convertColumnsObject(converter) as unknown as T;
}
