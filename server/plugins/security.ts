import helmet from "@fastify/helmet";
import rateLimit from "@fastify/rate-limit";
import fp from "fastify-plugin";

export interface RateLimitOptions {
  /** Requests per window and client address. */
  max: number;
  /** Window in milliseconds (default one minute). */
  timeWindow?: number;
}

export interface SecurityOptions {
  rateLimit?: RateLimitOptions | false;
}

/**
 * The dashboard's policy: its own scripts, styles and images only, plus `data:`/`blob:` images
 * (PNG export draws the chart's SVG through an image). Inline styles are allowed because
 * Observable Plot writes a <style> into each chart; inline scripts are not.
 * No upgrade-insecure-requests: a local plain-HTTP server must keep working.
 */
export const APP_CSP = {
  "default-src": ["'self'"],
  "base-uri": ["'self'"],
  "connect-src": ["'self'"],
  "font-src": ["'self'", "data:"],
  "form-action": ["'self'"],
  "frame-ancestors": ["'none'"],
  "img-src": ["'self'", "data:", "blob:"],
  "object-src": ["'none'"],
  "script-src": ["'self'"],
  "script-src-attr": ["'none'"],
  "style-src": ["'self'", "'unsafe-inline'"],
  "worker-src": ["'self'", "blob:"],
};

/** Security headers on every answer, and an optional per-address rate limit. */
export default fp<SecurityOptions>(
  async (app, options) => {
    await app.register(helmet, { contentSecurityPolicy: { useDefaults: false, directives: APP_CSP } });
    if (options.rateLimit) {
      await app.register(rateLimit, {
        global: true,
        max: options.rateLimit.max,
        timeWindow: options.rateLimit.timeWindow ?? 60_000,
      });
    }
  },
  { name: "security", fastify: "5.x" },
);
