import { createHash } from "node:crypto";
import { readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { temporaryDirectory } from "../../tests/helpers.ts";
import { ValidationReport } from "./report.ts";
import { snapshotExtract } from "./snapshot.ts";

const MiB = 2 ** 20;

/** A CSV of `size` bytes with `marker` written so that its CR is the last byte of the first 4 MiB block the copy's hash reads. */
function csvWithCarriageReturnAt4MiB(size: number, marker: string): Buffer {
  const bytes = Buffer.alloc(size, "x");
  for (let i = 99; i < size; i += 100) bytes[i] = 10;
  bytes.write(marker, 4 * MiB - 1, "latin1");
  return bytes;
}

describe("the extract's snapshot", () => {
  for (const kernelCopy of [true, false]) {
    it(`copies every byte and digests the copy (${kernelCopy ? "copied by the kernel, then hashed" : "streamed through the hash"})`, async () => {
      const dir = temporaryDirectory();
      const files = {
        "lone.csv": csvWithCarriageReturnAt4MiB(9 * MiB + 17, "\rx"),
        "crlf.csv": csvWithCarriageReturnAt4MiB(9 * MiB + 17, "\r\n"),
        "small.csv": Buffer.from("a,b\r\n1,2\r\n"),
        "empty.csv": Buffer.alloc(0),
      };
      for (const [name, bytes] of Object.entries(files)) writeFileSync(join(dir, name), bytes);
      const report = new ValidationReport();
      const snapshot = await snapshotExtract(dir, report, { parent: temporaryDirectory(), kernelCopy });
      try {
        expect(report.issues).toEqual([]);
        for (const [name, bytes] of Object.entries(files)) {
          const copy = snapshot.paths.get(name) as string;
          expect(readFileSync(copy).equals(bytes), name).toBe(true);
          expect(statSync(copy).mode & 0o777, name).toBe(0o600);
          expect(snapshot.digests.get(name), name).toEqual({
            sha256: createHash("sha256").update(bytes).digest("hex"),
            bytes: bytes.length,
            loneCarriageReturn: name === "lone.csv",
          });
        }
      } finally {
        await snapshot.dispose();
      }
    });
  }
});
