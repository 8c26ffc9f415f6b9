import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { Digester, type FileDigest } from "./file-digest.ts";

/** The digest of `bytes` given to a Digester cut at `cuts`. */
function digestIn(bytes: Buffer, cuts: number[]): FileDigest {
  const digester = new Digester();
  let from = 0;
  for (const cut of [...cuts, bytes.length]) {
    digester.update(bytes.subarray(from, cut));
    from = cut;
  }
  return digester.result();
}

const cases: [string, boolean][] = [
  ["a,b\nc,d\n", false],
  ["a,b\r\nc,d\r\n", false],
  ["a,b\rc,d\n", true],
  ["a,b\nc,d\r", true],
  ["\r\n\r\n", false],
  ["a\r\r\n", true],
  ["", false],
];

describe("a file's digest", () => {
  for (const [text, lone] of cases) {
    it(`is the same however ${JSON.stringify(text)} is cut into chunks (lone CR: ${lone})`, () => {
      const bytes = Buffer.from(text);
      const whole = { sha256: createHash("sha256").update(bytes).digest("hex"), bytes: bytes.length, loneCarriageReturn: lone };
      expect(digestIn(bytes, [])).toEqual(whole);
      // Every single cut, including one right after each CR, and an empty chunk at every place.
      for (let cut = 0; cut <= bytes.length; cut++) {
        expect(digestIn(bytes, [cut]), `cut at ${cut}`).toEqual(whole);
        expect(digestIn(bytes, [cut, cut]), `empty chunk at ${cut}`).toEqual(whole);
      }
      expect(
        digestIn(
          bytes,
          Array.from({ length: bytes.length }, (_, i) => i),
        ),
      ).toEqual(whole);
    });
  }
});
