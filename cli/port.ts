/**
 * The port `npm start` listens on, and the check that it is free BEFORE the demo is built:
 * finding port 8080 taken only after minutes of sample, load and publish wastes them all.
 */
import { createServer } from "node:net";
import { UserError } from "../core/user-error.ts";

export const DEFAULT_PORT = 8080;

/** `--port` when given, else `PORT` from the environment (as hosting platforms set it), else 8080. */
export function chosenPort(option: number | undefined, env: NodeJS.ProcessEnv = process.env): number {
  if (option !== undefined) return option;
  const raw = env.PORT?.trim();
  if (raw === undefined || raw === "") return DEFAULT_PORT;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new UserError(`PORT must be a whole number from 0 to 65535, not ${JSON.stringify(env.PORT)}`, 2);
  return n;
}

/** How to choose another port, through npm (whose own options would swallow a bare `--port`). */
export function busyPortMessage(port: number, host: string): string {
  const other = port === 65535 || port === 0 ? 8081 : port + 1;
  return `port ${port} is already in use on ${host}: choose another with \`npm start -- --port ${other}\` or \`PORT=${other} npm start\` (\`npx boussole start --port ${other}\` directly)`;
}

/** Throws a UserError when nothing can listen on host:port now; port 0 (any free port) always can. */
export async function assertPortFree(port: number, host: string): Promise<void> {
  if (port === 0) return;
  await new Promise<void>((resolve, reject) => {
    const probe = createServer();
    probe.once("error", (e: NodeJS.ErrnoException) => {
      if (e.code === "EADDRINUSE") reject(new UserError(busyPortMessage(port, host)));
      else if (e.code === "EACCES" || e.code === "EADDRNOTAVAIL") reject(new UserError(`cannot listen on ${host}:${port} (${e.code})`));
      else reject(e);
    });
    probe.listen({ port, host, exclusive: true }, () => probe.close(() => resolve()));
  });
}

/** A port nothing listens on now (the system's choice), for a process that must be told its port in advance. */
export function freePort(host = "127.0.0.1"): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer().once("error", reject);
    probe.listen(0, host, () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}
