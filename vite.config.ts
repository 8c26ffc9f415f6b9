import { defineConfig } from "vite";
import { svelte } from "@sveltejs/vite-plugin-svelte";

// The dashboard (web/) is built into web/dist and served by the Fastify server.
export default defineConfig({
  root: "web",
  plugins: [svelte()],
  build: { outDir: "dist", emptyOutDir: true },
  // `npx vite` for development: the API comes from a running `boussole serve` (npm start).
  server: { proxy: { "/api": "http://127.0.0.1:8080" } },
});
