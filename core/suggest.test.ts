import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { closest, levenshtein } from "./suggest.ts";

/** Reference edit distance, written as the textbook recursion with memoisation. */
function reference(a: string, b: string): number {
  const memo = new Map<string, number>();
  const d = (i: number, j: number): number => {
    if (i === 0) return j;
    if (j === 0) return i;
    const key = `${i},${j}`;
    const known = memo.get(key);
    if (known !== undefined) return known;
    const v = Math.min(d(i - 1, j) + 1, d(i, j - 1) + 1, d(i - 1, j - 1) + (a[i - 1] === b[j - 1] ? 0 : 1));
    memo.set(key, v);
    return v;
  };
  return d(a.length, b.length);
}

describe("levenshtein", () => {
  it("gives the classic distances", () => {
    expect(levenshtein("kitten", "sitting")).toBe(3);
    expect(levenshtein("flaw", "lawn")).toBe(2);
    expect(levenshtein("", "abc")).toBe(3);
    expect(levenshtein("abc", "")).toBe(3);
    expect(levenshtein("", "")).toBe(0);
    expect(levenshtein("nis_code", "nis_code")).toBe(0);
    expect(levenshtein("yaer", "year")).toBe(2);
    expect(levenshtein("birth_year", "birth_yaer")).toBe(2);
    expect(levenshtein("abc", "ABC")).toBe(3); // case-sensitive on its own
  });

  it("property: matches the reference recursion, is symmetric and bounded by the lengths", () => {
    const word = fc.string({ unit: fc.constantFrom("a", "b", "c", "_", "é"), maxLength: 9 });
    fc.assert(
      fc.property(word, word, (a, b) => {
        const d = levenshtein(a, b);
        expect(d).toBe(reference(a, b));
        expect(levenshtein(b, a)).toBe(d);
        expect(d).toBeGreaterThanOrEqual(Math.abs(a.length - b.length));
        expect(d).toBeLessThanOrEqual(Math.max(a.length, b.length));
        expect(d === 0).toBe(a === b);
      }),
      { numRuns: 400 },
    );
  });
});

describe("closest", () => {
  it("finds the nearest candidate, ignoring case but returning its own spelling", () => {
    expect(closest("Nis_Cod", ["year", "nis_code", "sex"])).toBe("nis_code");
    expect(closest("BIRTH_YAER", ["birth_year", "year"])).toBe("birth_year");
    expect(closest("cd_refnis", ["CD_REFNIS", "CD_SEX"])).toBe("CD_REFNIS");
  });

  it("returns undefined when nothing is close enough or there is nothing to choose from", () => {
    expect(closest("rijksregisternummer", ["nis_code", "year", "sex"])).toBeUndefined();
    expect(closest("anything", [])).toBeUndefined();
  });

  it("allows max(2, length / 3) edits, not one more", () => {
    // 9 letters: up to 3 edits.
    expect(closest("abcdefghi", ["abcdefxyz"])).toBe("abcdefxyz");
    expect(closest("abcdefghi", ["abcdewxyz"])).toBeUndefined();
    // 4 letters: still 2 edits.
    expect(closest("abcd", ["abxy"])).toBe("abxy");
    expect(closest("abcd", ["axyz"])).toBeUndefined();
    // 10 letters: still 3 edits (rounded down).
    expect(closest("abcdefghij", ["abcdefgxyz"])).toBe("abcdefgxyz");
    expect(closest("abcdefghij", ["abcdefwxyz"])).toBeUndefined();
    // 12 letters: 4 edits.
    expect(closest("abcdefghijkl", ["abcdefghwxyz"])).toBe("abcdefghwxyz");
    expect(closest("abcdefghijkl", ["abcdefgvwxyz"])).toBeUndefined();
  });

  it("keeps the first of equally near candidates, and prefers the nearer over the first", () => {
    expect(closest("cat", ["bat", "hat"])).toBe("bat");
    expect(closest("cat", ["cut", "cat"])).toBe("cat");
    expect(closest("bilingua", ["nl", "fr", "bilingual"])).toBe("bilingual");
  });

  it("accepts any iterable of candidates", () => {
    expect(closest("sex", new Set(["year", "sexe"]))).toBe("sexe");
  });
});
