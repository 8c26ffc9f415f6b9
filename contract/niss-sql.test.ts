import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Database } from "../core/duckdb.ts";
import { isNationalRegisterNumber, nationalRegisterNumberSql } from "./niss.ts";

// The load's fast screen runs the SQL twin on every field of a file and trusts a file where it
// finds nothing: it must say true wherever the JavaScript test does. It may say true a little
// more often (a file it flags is only checked row by row), but only on values that do hold
// eleven digits passing the check.

let db: Database;
beforeAll(async () => {
  db = await Database.open(":memory:");
});
afterAll(() => db.close());

async function sqlVerdicts(values: string[]): Promise<boolean[]> {
  await db.run("CREATE OR REPLACE TEMP TABLE v (i INTEGER, x VARCHAR)");
  for (let i = 0; i < values.length; i += 500) {
    const rows = values.slice(i, i + 500).map((_, j) => `(${i + j}, $${j + 1})`);
    await db.run(`INSERT INTO v VALUES ${rows.join(", ")}`, values.slice(i, i + 500));
  }
  const out = await db.all<{ i: number; hit: boolean }>(hitsQuery("NULLIF(x, '')", "v"));
  return out.map((r) => r.hit);
}

function hitsQuery(field: string, table: string): string {
  return `SELECT i, ${nationalRegisterNumberSql(field)} AS hit FROM ${table} ORDER BY i`;
}

/** The twin never misses, and what it takes besides holds digits that pass the check, behind a prefix or as a float. */
async function expectNoMiss(values: string[]): Promise<void> {
  const sql = await sqlVerdicts(values);
  const verdicts = values.map((v, i) => ({ v, js: isNationalRegisterNumber(v), sql: sql[i] }));
  expect(verdicts.filter((d) => d.js && !d.sql)).toEqual([]);
  const extra = verdicts.filter((d) => d.sql && !d.js);
  const holdsNumber = (v: string) => isNationalRegisterNumber(v.replace(/[^0-9]/g, "")) || isNationalRegisterNumber(v.replace(/^[^0-9]*([0-9]+)\.0+[^0-9]*$/, "$1.0"));
  expect(extra.filter((d) => !holdsNumber(d.v))).toEqual([]);
  expect(extra.length).toBeLessThanOrEqual(Math.max(2, values.length / 20));
}

function checkDigits(first9: string, bornFrom2000: boolean): string {
  const n = BigInt(bornFrom2000 ? `2${first9}` : first9);
  return (97n - (n % 97n)).toString().padStart(2, "0");
}

const corpus = [
  "85073003328",
  "85.07.30-033.28",
  "85 07 30 033 28",
  "850730/033-28",
  "850730-03328",
  "01020312345",
  "01.02.03-123.45",
  "00010100105",
  "0001010015",
  "01020312316",
  "01020312317",
  "85073003327",
  "85073003329",
  "85.07.30-033.29",
  "8507300332",
  "850730033280",
  "8507300332A",
  "",
  "85..07..30--033.28",
  "85.07.30-033.28 ",
  "85...07...30---033...28",
  "850730_033_28",
  "85_07_30_033_28",
  "85:07:30:033:28",
  "85073003328.0",
  "1020312345.0",
  "X85073003328",
  "NRN85073003328",
  "nrn:85.07.30-033.28",
  "ID-85073003328",
  "p000000000000001",
  "p85073003328abc",
  "ABCD85073003328",
  "X85073003329",
  "85073003328.5",
  "X85993003390",
  "s4f3a9c1e0b7d2a6",
  " 85073003328",
  "\u00a085073003328\u3000",
  "\ufeff85073003328",
  "85\u200907\u200930\u2009033\u200928",
  "X\u00a085073003328",
  "X#85073003328",
  "X 85 07 30 033 28",
  "85073003328.000",
  "085073003328.0",
  "123456789.0",
  "p364ee2b0d8d2a13b",
  "2019-02-13",
  "99000321",
  "850730033280000000000",
  "85,07,30,033,28",
  "X85,07,30,033,28",
  "\t85073003328\n",
  "8507300332８",
];

describe("the SQL twin of isNationalRegisterNumber", () => {
  it("finds every number niss.test.ts knows, and their neighbours, and little else", async () => {
    await expectNoMiss(corpus);
  });

  it("property: never misses any layout of a real number, and rarely flags a mistyped one", async () => {
    const separator = fc.constantFrom("", "", "", "", "", "", ".", "-", "/", "_", ",", ":", " ", "\u00a0", "\u2007", "\t", "#", "+");
    const number = fc.tuple(fc.stringMatching(/^\d{9}$/), fc.boolean(), fc.constantFrom(0, 0, 0, 1, 3)).map(([head, from2000, typo]) => {
      const digits = head + checkDigits(head, from2000);
      return typo === 0 ? digits : digits.slice(0, 10) + String((Number(digits[10]) + typo) % 10);
    });
    const value = fc
      .tuple(
        fc.constantFrom("", "", "", " ", "\u3000", "\ufeff"),
        fc.constantFrom("", "", "", "", "X", "nrn", "ID", "ABCD", "é"),
        separator,
        number,
        fc.array(fc.tuple(fc.integer({ min: 1, max: 10 }), separator), { maxLength: 3 }),
        fc.constantFrom("", "", "", "", ".0", ".00", ".5", "a", " "),
        fc.constantFrom(0, 0, 0, 0, 1, 2),
      )
      .map(([lead, prefix, sep, digits, cuts, tail, drop]) => {
        let body = digits.slice(drop);
        for (const [at, s] of [...cuts].sort((a, b) => b[0] - a[0])) body = body.slice(0, at) + s + body.slice(at);
        return lead + prefix + sep + body + tail;
      });
    const values = fc.sample(value, { numRuns: 3000, seed: 20261203 });
    // Random text over the characters that matter, too.
    const alphabet = fc.constantFrom(..."0123456789012345678901234567890123456789.-/_,:# \u00a0\u2028Xxpé".split(""));
    values.push(...fc.sample(fc.string({ unit: alphabet, minLength: 9, maxLength: 22 }), { numRuns: 2000, seed: 7 }));
    expect(values.filter(isNationalRegisterNumber).length).toBeGreaterThan(100);
    await expectNoMiss(values);
  });

  it("never misses a number hidden among characters outside the Basic Multilingual Plane", async () => {
    // DuckDB counts code points, JavaScript UTF-16 units: the lengths differ, never the verdict on a real number.
    const values = ["85073003328", "🦆85073003328", "X85073003328🦆", "85073003328".padEnd(19, "🦆")];
    const sql = await sqlVerdicts(values);
    values.forEach((v, i) => {
      if (isNationalRegisterNumber(v)) expect(sql[i], v).toBe(true);
    });
    expect(sql[0]).toBe(true);
  });

  it("is false for a missing value", async () => {
    const [row] = await db.all<{ hit: boolean }>(hitsQuery("x", "(SELECT 0 AS i, NULL::VARCHAR AS x)"));
    expect(row?.hit).toBe(false);
  });
});
