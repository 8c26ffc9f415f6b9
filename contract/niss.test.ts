import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isNationalRegisterNumber, maskIdentifier } from "./niss.ts";

// Reference check digits, written independently of the source with BigInt arithmetic:
// births before 2000 use the 9 digits as they are, births from 2000 prefix them with "2".
function checkDigits(first9: string, bornFrom2000: boolean): string {
  const n = BigInt(bornFrom2000 ? `2${first9}` : first9);
  return (97n - (n % 97n)).toString().padStart(2, "0");
}
function referenceValid(eleven: string): boolean {
  if (!/^\d{11}$/.test(eleven)) return false;
  const head = eleven.slice(0, 9);
  const tail = eleven.slice(9);
  return tail === checkDigits(head, false) || tail === checkDigits(head, true);
}

describe("isNationalRegisterNumber", () => {
  it("agrees with hand-computed reference values", () => {
    // 850730033 mod 97 = 69 → 28; "2850730033" mod 97 = 40 → 57.
    expect(checkDigits("850730033", false)).toBe("28");
    expect(checkDigits("010203123", true)).toBe("45");
    expect(checkDigits("000101001", true)).toBe("05");
  });

  it("accepts a valid number born before 2000, plain and formatted", () => {
    for (const v of ["85073003328", "85.07.30-033.28", "85 07 30 033 28", "850730/033-28", "850730-03328"]) {
      expect(isNationalRegisterNumber(v), v).toBe(true);
    }
  });

  it("accepts numbers of people born from 2000 (2 prefixed before the modulo)", () => {
    const born2001 = `010203123${checkDigits("010203123", true)}`;
    expect(born2001).toBe("01020312345");
    expect(isNationalRegisterNumber(born2001)).toBe(true);
    expect(isNationalRegisterNumber("01.02.03-123.45")).toBe(true);
    // A leading-zero check digit (05) must be written with its zero.
    expect(isNationalRegisterNumber("00010100105")).toBe(true);
    expect(isNationalRegisterNumber("0001010015")).toBe(false);
    // The pre-2000 check digits of that base are 16, not 45: both stay valid, nothing else does.
    expect(isNationalRegisterNumber("01020312316")).toBe(true);
    expect(isNationalRegisterNumber("01020312317")).toBe(false);
  });

  it("refuses every one-digit change that the reference also refuses", () => {
    for (const valid of ["85073003328", "01020312345", "93061612532"]) {
      expect(referenceValid(valid)).toBe(true);
      let refused = 0;
      for (let pos = 0; pos < 11; pos++) {
        for (let d = 0; d <= 9; d++) {
          if (String(d) === valid[pos]) continue;
          const mutated = valid.slice(0, pos) + d + valid.slice(pos + 1);
          const expected = referenceValid(mutated);
          expect(isNationalRegisterNumber(mutated), mutated).toBe(expected);
          if (!expected) refused++;
        }
      }
      // 99 mutations; at most a handful can match by chance the other rule.
      expect(refused).toBeGreaterThanOrEqual(95);
    }
  });

  it("refuses the check digits off by one in either direction", () => {
    expect(isNationalRegisterNumber("85073003327")).toBe(false);
    expect(isNationalRegisterNumber("85073003329")).toBe(false);
    expect(isNationalRegisterNumber("85.07.30-033.29")).toBe(false);
  });

  it("refuses wrong lengths, letters and other separators", () => {
    expect(isNationalRegisterNumber("8507300332")).toBe(false); // 10 digits
    expect(isNationalRegisterNumber("850730033280")).toBe(false); // 12 digits
    expect(isNationalRegisterNumber("8507300332A")).toBe(false);
    expect(isNationalRegisterNumber("8507300332A")).toBe(false);
    expect(isNationalRegisterNumber("")).toBe(false);
    // Separators in any layout, up to 20 characters in all, still hide an identifier.
    expect(isNationalRegisterNumber("85..07..30--033.28")).toBe(true);
    expect(isNationalRegisterNumber("85.07.30-033.28 ")).toBe(true);
    expect(isNationalRegisterNumber("85...07...30---033...28")).toBe(false);
  });

  it("sees through underscores, a floating-point column and a short letter prefix (they once slipped through)", () => {
    for (const v of ["850730_033_28", "85_07_30_033_28", "85:07:30:033:28", "85073003328.0", "1020312345.0", "X85073003328", "NRN85073003328", "nrn:85.07.30-033.28", "ID-85073003328"]) {
      expect(isNationalRegisterNumber(v), v).toBe(true);
    }
    // Pseudonyms stay pseudonyms: longer digit runs, long prefixes, hex, a wrong check digit, no birth date.
    for (const v of ["p000000000000001", "p85073003328abc", "ABCD85073003328", "X85073003329", "85073003328.5", "X85993003390", "s4f3a9c1e0b7d2a6"]) {
      expect(isNationalRegisterNumber(v), v).toBe(false);
    }
  });

  it("property: any 9 digits with reference check digits pass; a changed check digit fails", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{9}$/), fc.boolean(), fc.integer({ min: 1, max: 96 }), (head, from2000, shift) => {
        const good = head + checkDigits(head, from2000);
        expect(isNationalRegisterNumber(good)).toBe(true);
        const c = Number(checkDigits(head, from2000));
        const bad = head + String(((c - 1 + shift) % 97) + 1).padStart(2, "0");
        expect(isNationalRegisterNumber(bad)).toBe(referenceValid(bad));
      }),
      { numRuns: 500 },
    );
  });
});

describe("maskIdentifier", () => {
  it("keeps the first 4 characters and hides the rest, same length", () => {
    expect(maskIdentifier("85073003328")).toBe("8507*******");
    expect(maskIdentifier("85.07.30-033.28")).toBe("85.0***********");
    expect(maskIdentifier("12345")).toBe("1234*");
  });

  it("hides short values entirely", () => {
    expect(maskIdentifier("1234")).toBe("****");
    expect(maskIdentifier("ab")).toBe("****");
    expect(maskIdentifier("")).toBe("****");
  });

  it("never contains the check digits of the masked identifier", () => {
    const masked = maskIdentifier("85073003328");
    expect(masked).not.toContain("28");
    expect(masked).not.toContain("033");
  });
});
