import { createHash } from "node:crypto";
import type { FileHandle } from "node:fs/promises";
import { Transform } from "node:stream";

/** What the snapshot learns of a file's bytes as it hashes them, so nothing reads it again for them. */
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

/** Hashes and scans bytes chunk by chunk, in any chunking (a CR at a chunk's end waits for the next). */
export class Digester {
  private readonly hash = createHash("sha256");
  private bytes = 0;
  private lone = false;
  private crAtEnd = false;

  update(chunk: Buffer): void {
    this.hash.update(chunk);
    this.bytes += chunk.length;
    if (this.crAtEnd && chunk.length > 0 && chunk[0] !== LF) this.lone = true;
    if (chunk.length > 0) this.crAtEnd = false;
    // Files without a CR (LF endings) pay one native search per chunk.
    for (let at = chunk.indexOf(CR); at >= 0 && !this.lone; at = chunk.indexOf(CR, at + 1)) {
      if (at === chunk.length - 1) this.crAtEnd = true;
      else if (chunk[at + 1] !== LF) this.lone = true;
    }
  }

  /** The digest of every byte given so far; the digester is spent after. */
  result(): FileDigest {
    return { sha256: this.hash.digest("hex"), bytes: this.bytes, loneCarriageReturn: this.lone || this.crAtEnd };
  }
}

/**
 * Reads an open file from its start in large blocks (few calls for files of gigabytes) and
 * digests it. The next block is read (on libuv's threads, in the kernel) while this one is
 * hashed on the calling thread, so reading and hashing overlap instead of taking turns.
 */
export async function digestFile(handle: FileHandle, blockSize = 4 * 2 ** 20): Promise<FileDigest> {
  const digester = new Digester();
  const blocks = [Buffer.allocUnsafe(blockSize), Buffer.allocUnsafe(blockSize)];
  let position = 0;
  let k = 0;
  let reading = handle.read(blocks[0]!, 0, blockSize, 0);
  for (;;) {
    const { bytesRead } = await reading;
    if (bytesRead === 0) break;
    const block = blocks[k]!;
    position += bytesRead;
    k ^= 1;
    reading = handle.read(blocks[k]!, 0, blockSize, position);
    digester.update(block.subarray(0, bytesRead));
  }
  return digester.result();
}

/** Digests bytes as they pass through a stream (a file copied where it cannot be held open). */
export class DigestStream extends Transform {
  private readonly digester = new Digester();
  private digest: FileDigest | null = null;

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: (error?: Error | null, data?: Buffer) => void): void {
    this.digester.update(chunk);
    done(null, chunk);
  }

  override _flush(done: (error?: Error | null) => void): void {
    this.digest = this.digester.result();
    done();
  }

  /** The digest, once every byte has passed. */
  result(): FileDigest {
    if (!this.digest) throw new Error("the digest is read before the copy ended");
    return this.digest;
  }
}
