import { closeSync, openSync, writeSync } from "node:fs";

/**
 * Writes lines through a 4 MiB buffer with synchronous writes: the generator produces
 * tens of millions of rows, and a stream's per-write promise and backpressure cost more
 * than the writing itself.
 */
export class TextFileWriter {
  private readonly fd: number;
  private readonly buffer = Buffer.allocUnsafe(1 << 22);
  private used = 0;
  rows = 0;

  constructor(
    readonly path: string,
    /** Null for a part file that will be appended to another one. */
    header: string | null,
    options: { bom?: boolean } = {},
  ) {
    this.fd = openSync(path, "w");
    if (header !== null) this.write(`${options.bom ? "\uFEFF" : ""}${header}\n`);
  }

  line(text: string): void {
    this.rows++;
    this.write(`${text}\n`);
  }

  private write(text: string): void {
    // Each line goes straight into the buffer, so its string dies young (cheap to collect).
    if (this.used + text.length * 3 > this.buffer.length) {
      this.flush();
      if (text.length * 3 > this.buffer.length) {
        writeSync(this.fd, text);
        return;
      }
    }
    this.used += this.buffer.write(text, this.used);
  }

  private flush(): void {
    if (this.used === 0) return;
    writeSync(this.fd, this.buffer, 0, this.used);
    this.used = 0;
  }

  close(): void {
    this.flush();
    closeSync(this.fd);
  }
}

const dayCache = new Map<number, string[]>();

/** ISO dates of every day of a year, by day index: formatting dates is the generator's hot path. */
export function daysOfYear(year: number): string[] {
  const cached = dayCache.get(year);
  if (cached) return cached;
  const days: string[] = [];
  dayCache.set(year, days);
  for (let t = Date.UTC(year, 0, 1); new Date(t).getUTCFullYear() === year; t += 86_400_000) {
    days.push(new Date(t).toISOString().slice(0, 10));
  }
  return days;
}
