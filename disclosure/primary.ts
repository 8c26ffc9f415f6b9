// Primary suppression: which cells are sensitive, and what happens to each.
//
// - publishable, not known → hidden (primary suppression);
// - latent → never published anyway, but protected like the others (e.g.
//   den − num = 2: the two persons without the attribute are exposed if den
//   and num are both published);
// - known → already out: reported as unprotectable, nothing to hide.

import type { ResolvedOptions } from "./model.ts";
import { isSensitiveValue } from "./options.ts";
import type { Structure } from "./structure.ts";

export interface Primary {
  /** Every sensitive cell, whatever its kind. */
  sensitive: number[];
  /** Sensitive cells to hide. */
  primary: number[];
  /** Sensitive latent cells, protected without being hidden. */
  latent: number[];
  /** Sensitive known cells: disclosed before we start. */
  known: number[];
}

export function primarySuppression(structure: Structure, values: ArrayLike<number>, options: ResolvedOptions): Primary {
  const result: Primary = { sensitive: [], primary: [], latent: [], known: [] };
  for (let i = 0; i < structure.ids.length; i++) {
    if (!isSensitiveValue(values[i]!, options)) continue;
    result.sensitive.push(i);
    if (structure.known[i]) result.known.push(i);
    else if (structure.publishable[i]) result.primary.push(i);
    else result.latent.push(i);
  }
  return result;
}
