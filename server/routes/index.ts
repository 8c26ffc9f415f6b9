import type { FastifyPluginAsync } from "fastify";
import { badRequest } from "../api-error.ts";
import compare from "./compare.ts";
import equity from "./equity.ts";
import geography from "./geography.ts";
import boundaries from "./boundaries.ts";
import search from "./search.ts";
import indicators from "./indicators.ts";
import periods from "./periods.ts";
import profile from "./profile.ts";
import release from "./release.ts";
import values from "./values.ts";

/** The API, version 1: one plugin per resource. */
const api: FastifyPluginAsync = async (app) => {
  // A repeated parameter (?years=2023&years=2024) is a mistake the schemas would report obscurely.
  app.addHook("preValidation", (request, _reply, done) => {
    const query = request.query as Record<string, unknown>;
    for (const [name, value] of Object.entries(query)) {
      if (Array.isArray(value))
        return done(badRequest("query-repeated", `query parameter '${name.slice(0, 40)}' was given more than once (give it once; lists are comma-separated)`, { name: name.slice(0, 40) }));
    }
    done();
  });
  for (const plugin of [release, geography, search, boundaries, indicators, periods, values, profile, compare, equity]) await app.register(plugin);
};
export default api;
