// The baseline of the API benchmark, in its own process like the real server: a bare Fastify
// instance (no plugins, no hooks, no logger) answering one route with a constant JSON body,
// already serialised. The body is the profile's own bytes (read from the file given), so that
// the client's work per response is the same: autocannon decodes every body, and UTF-8 with
// accented names decodes ~30 times slower than pure ASCII. Prints "listening <url> <bytes>".
import { readFileSync } from "node:fs";
import Fastify from "fastify";

const body = readFileSync(process.argv[2] as string, "utf8");
const app = Fastify({ logger: false });
app.get("/bare", (_request, reply) => {
  reply.type("application/json; charset=utf-8").send(body);
});
const url = await app.listen({ port: 0, host: "127.0.0.1" });
process.stdout.write(`listening ${url} ${Buffer.byteLength(body)}\n`);
const stop = () => void app.close().then(() => process.exit(0));
process.on("SIGTERM", stop).on("SIGINT", stop);
