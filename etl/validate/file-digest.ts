import { createHash } from "node:crypto";
import { Transform } from "node:stream";

/** What the snapshot learns of a file's bytes while copying it, so nothing reads it again for them. */
export interface FileDigest {
  sha256: string;
  bytes: number;
  /**
   * A carriage return not followed by a line feed. The row checker sees it inside a line
   * (and refuses it there); DuckDB's reader may end a line on it. Such a file skips the fast
   * screen (screen-file.ts) and is checked row by row.
   */
  loneCarriageReturn: boolean;
}

const CR = 13;
const LF = 10;

/** Hashes and scans bytes as they pass, chunk by chunk (a CR at a chunk's end waits for the next). */
export class DigestStream extends Transform {
  private readonly hash = createHash("sha256");
  private bytes = 0;
  private lone = false;
  private crAtEnd = false;
  private digest: FileDigest | null = null;

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: (error?: Error | null, data?: Buffer) => void): void {
    this.hash.update(chunk);
    this.bytes += chunk.length;
    if (this.crAtEnd && chunk.length > 0 && chunk[0] !== LF) this.lone = true;
    this.crAtEnd = false;
    // Files without a CR (LF endings) pay one native search per chunk.
    for (let at = chunk.indexOf(CR); at >= 0 && !this.lone; at = chunk.indexOf(CR, at + 1)) {
      if (at === chunk.length - 1) this.crAtEnd = true;
      else if (chunk[at + 1] !== LF) this.lone = true;
    }
    done(null, chunk);
  }

  override _flush(done: (error?: Error | null) => void): void {
    this.digest = { sha256: this.hash.digest("hex"), bytes: this.bytes, loneCarriageReturn: this.lone || this.crAtEnd };
    done();
  }

  /** The digest, once every byte has passed. */
  result(): FileDigest {
    if (!this.digest) throw new Error("the digest is read before the copy ended");
    return this.digest;
  }
}
