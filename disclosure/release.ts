// The release as a third party sees it: the true values of hidden and latent
// cells are dropped, so an audit of it cannot lean on them by mistake.

import { SdcError, type SdcOptions, type SdcProblem, type SdcRelease } from "./model.ts";
import { resolveOptions } from "./options.ts";
import { primarySuppression } from "./primary.ts";
import { indexProblem } from "./validate.ts";

/**
 * Build the published view of `problem` when the cells in `hidden` are
 * suppressed. Latent cells in `hidden` are accepted (they are unpublished
 * anyway); known cells are refused, they cannot be hidden.
 */
export function releaseOf(problem: SdcProblem, hidden: Iterable<string>, options: SdcOptions = {}): SdcRelease {
  const resolved = resolveOptions(options);
  const { structure, values } = indexProblem(problem);
  const isHidden = new Uint8Array(structure.ids.length);
  for (const id of hidden) {
    const i = structure.index.get(id);
    if (i === undefined) throw new SdcError(`hidden cell "${id}" is not in the problem`);
    if (structure.known[i]) throw new SdcError(`cell "${id}" is known to the attacker and cannot be hidden`);
    isHidden[i] = 1;
  }
  const { sensitive } = primarySuppression(structure, values, resolved);
  return {
    cells: problem.cells.map((cell, i) => {
      const published = structure.known[i] === 1 || (structure.publishable[i] === 1 && isHidden[i] === 0);
      const shape = { id: cell.id, publishable: cell.publishable, ...(cell.known ? { known: true } : {}) };
      return published ? { ...shape, value: cell.value } : shape;
    }),
    relations: problem.relations.map((r) => ({ total: r.total, parts: [...r.parts] })),
    sensitive: sensitive.map((i) => structure.ids[i]!),
  };
}
