// The current route as reactive state, kept in step with the address bar: navigate() pushes a
// history entry (or replaces it for small changes such as a filter), popstate re-reads it.
import { parseRoute, preferredLang, routeHref, type Route } from "./route.ts";

function read(): Route {
  return parseRoute(location.pathname, location.search, preferredLang(navigator.languages ?? [navigator.language]));
}

export const router = $state<{ route: Route }>({ route: read() });

export function navigate(route: Route | string, options: { replace?: boolean } = {}): void {
  const href = typeof route === "string" ? route : routeHref(route);
  if (href === location.pathname + location.search) return;
  if (options.replace) history.replaceState(null, "", href);
  else history.pushState(null, "", href);
  router.route = read();
  if (!options.replace) window.scrollTo(0, 0);
}

export function startRouter(): void {
  // A bare "/" or an unknown language gets the canonical URL with a language in it.
  const canonical = routeHref(router.route);
  if (router.route.view !== "not-found" && canonical !== location.pathname + location.search) history.replaceState(null, "", canonical);
  window.addEventListener("popstate", () => (router.route = read()));
  // Same-origin links inside the app navigate without a reload.
  document.addEventListener("click", (event) => {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    const a = (event.target as Element | null)?.closest?.("a");
    if (!a || a.target || a.hasAttribute("download") || a.origin !== location.origin || a.pathname.startsWith("/api/")) return;
    event.preventDefault();
    navigate(a.pathname + a.search);
  });
}
