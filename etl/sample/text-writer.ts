import { closeSync, openSync, writeSync } from "node:fs";

/**
 * Writes lines through a 1 MiB buffer with synchronous writes: the generator produces
 * tens of millions of rows, and a stream's per-write promise and backpressure cost more
 * than the writing itself.
 */
export class TextFileWriter {
  private readonly fd: number;
  private pending = "";
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
    // String concatenation builds a rope; it is flattened once, when written.
    this.pending += text;
    if (this.pending.length > 1 << 20) this.flush();
  }

  private flush(): void {
    if (this.pending.length === 0) return;
    writeSync(this.fd, this.pending);
    this.pending = "";
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
