/**
 * Texts as small integer codes, given in order of first sight from 1; 0 stands for null. The
 * engine's cells keep their texts this way (cell-table.ts): an Int32Array of codes is outside
 * the garbage collector's heap, where an array of strings that size is not.
 */
export class Vocabulary<T extends string = string> {
  private readonly codes = new Map<T, number>();
  /** The text of each code (index); `values[0]` is null. */
  readonly values: (T | null)[] = [null];

  /** `limit`: the largest code allowed (255 for codes kept in a Uint8Array). */
  constructor(private readonly limit = 2 ** 31 - 1) {}

  code(value: T | null): number {
    if (value === null) return 0;
    let code = this.codes.get(value);
    if (code === undefined) {
      code = this.values.length;
      if (code > this.limit) throw new RangeError(`more than ${this.limit} distinct values (${value})`);
      this.codes.set(value, code);
      this.values.push(value);
    }
    return code;
  }

  value(code: number): T | null {
    return this.values[code]!;
  }
}
