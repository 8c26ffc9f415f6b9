/**
 * Progress on long work: a redrawn bar at a terminal, plain lines elsewhere (CI, logs),
 * so that a CI log stays short and readable.
 */
export interface ProgressTask {
  update(done: number): void;
  done(note?: string): void;
}

export interface Progress {
  task(label: string, total: number): ProgressTask;
  log(message: string): void;
}

export function createProgress(stream: NodeJS.WriteStream = process.stderr, options: { quiet?: boolean } = {}): Progress {
  const interactive = Boolean(stream.isTTY) && !process.env.CI;
  const write = (s: string) => {
    if (!options.quiet) stream.write(s);
  };
  return {
    log: (message) => write(`${message}\n`),
    task(label, total) {
      const started = Date.now();
      let lastDraw = 0;
      let lastPlainPercent = -1;
      return {
        update(done) {
          const now = Date.now();
          const fraction = total > 0 ? Math.min(1, done / total) : 0;
          if (interactive) {
            if (now - lastDraw < 100) return;
            lastDraw = now;
            const width = 30;
            const filled = Math.round(fraction * width);
            write(`\r${label} [${"#".repeat(filled)}${"-".repeat(width - filled)}] ${(fraction * 100).toFixed(0).padStart(3)}%`);
          } else {
            // Plain lines at every quarter, and only for work that takes a while.
            const quarter = Math.floor(fraction * 4) * 25;
            if (quarter > lastPlainPercent && quarter < 100 && now - started > 2000) {
              lastPlainPercent = quarter;
              write(`${label}: ${quarter}%\n`);
            }
          }
        },
        done(note) {
          const seconds = ((Date.now() - started) / 1000).toFixed(1);
          write(`${interactive ? "\r\x1b[K" : ""}${label}: done in ${seconds} s${note ? ` (${note})` : ""}\n`);
        },
      };
    },
  };
}

/** A progress that prints nothing (library use, tests). */
export const silentProgress: Progress = {
  log: () => {},
  task: () => ({ update: () => {}, done: () => {} }),
};
