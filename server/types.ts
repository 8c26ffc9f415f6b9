import type { ReleaseStore } from "./release-store.ts";

export interface ServerSettings {
  /** Check every computed JSON body against its route's response schema (tests; costs time). */
  checkResponses: boolean;
  /** Most cells one /values request may return; beyond it the answer is 400. */
  maxCells: number;
  /** A first look served while a first start publishes the other years (ServerOptions.preview). */
  preview: boolean;
}

declare module "fastify" {
  interface FastifyInstance {
    releases: ReleaseStore;
    settings: ServerSettings;
    /** Opens the release in `dir` and makes it current; requests in flight finish on the old one. */
    swapRelease(dir: string): Promise<{ from: string; to: string; closed: Promise<void> }>;
  }
}
