import { existsSync } from "node:fs";
import fastifyStatic from "@fastify/static";
import fp from "fastify-plugin";

/**
 * The built dashboard at `/`. Vite's hashed files under /assets never change: cached for a
 * year; everything else (index.html) is revalidated. Unknown non-API paths fall back to
 * index.html in the not-found handler (plugins/errors.ts).
 */
export default fp<{ webDir: string }>(
  async (app, options) => {
    if (!existsSync(options.webDir)) return;
    await app.register(fastifyStatic, {
      root: options.webDir,
      prefix: "/",
      index: ["index.html"],
      cacheControl: false,
      setHeaders: (reply, path) => {
        reply.header("cache-control", /[/\\]assets[/\\]/.test(path) ? "public, max-age=31536000, immutable" : "no-cache");
      },
    });
  },
  { name: "web", fastify: "5.x" },
);
