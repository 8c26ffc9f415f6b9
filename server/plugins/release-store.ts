import fp from "fastify-plugin";
import type { ReleaseOptions } from "../release.ts";
import { ReleaseStore } from "../release-store.ts";
import "../types.ts";

export interface ReleasePluginOptions {
  releaseDir: string;
  release?: ReleaseOptions;
}

/** The current release for every route, and the swap that replaces it under load. */
export default fp<ReleasePluginOptions>(
  async (app, options) => {
    const store = await ReleaseStore.open(options.releaseDir, options.release, {
      onSwap: (from, to) => app.log.info({ from, to }, "release swapped"),
      onClose: (release) => app.log.info({ releaseId: release.id }, "release closed after its last request"),
    });
    app.log.info({ releaseId: store.release.id, dir: store.release.dir }, "release opened");
    app.decorate("releases", store);
    app.decorate("swapRelease", (dir: string) => store.swap(dir));
    app.addHook("onClose", async () => store.close());
  },
  { name: "release-store", fastify: "5.x" },
);
