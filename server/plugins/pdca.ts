import type { FastifyPluginAsync } from "fastify";
import { serializerCompiler } from "fastify-type-provider-zod";
import session from "../pdca/session.ts";
import auth from "../routes/auth.ts";
import cycleCheck from "../routes/cycle-check.ts";
import cycleItems from "../routes/cycle-items.ts";
import cycles from "../routes/cycles.ts";
import users from "../routes/users.ts";

/**
 * `<`, `>`, `&` and the JavaScript line separators as \u escapes in JSON answers: the same JSON
 * once parsed (text comes back verbatim), but a body never holds a literal "<script>" that a
 * sniffing or careless consumer could take for HTML.
 */
export function escapeJson(json: string): string {
  return json.replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/**
 * Accounts and PDCA cycles under /api/v1 (auth, users, cycles), on app.pdca (plugins/app-db.ts).
 * Encapsulated: its session and CSRF hook (pdca/session.ts) and its serializer apply to these
 * routes only; the public release routes stay anonymous and cacheable.
 */
const plugin: FastifyPluginAsync = async (app) => {
  app.setSerializerCompiler((route) => {
    const serialize = serializerCompiler(route as Parameters<typeof serializerCompiler>[0]);
    return (data) => escapeJson(serialize(data));
  });
  await app.register(session);
  for (const routes of [auth, users, cycles, cycleItems, cycleCheck]) await app.register(routes);
};
export default plugin;
