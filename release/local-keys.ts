import type { IndicatorCell } from "../indicators/compute/derive.ts";

/**
 * `level|system|area|stratum|value` of each cell, one string per distinct key (areas × strata:
 * thousands) shared by the ~10⁶ cells that have it: looked up through nested maps of the parts,
 * which are the engine's own strings, instead of building a new string per cell.
 */
export function internedLocalKeys(): (cell: Pick<IndicatorCell, "level" | "system_code" | "area_code" | "stratum" | "stratum_value">) => string {
  type Tree = Map<string, Tree | string>;
  const root: Tree = new Map();
  return (cell) => {
    const parts = [cell.level, cell.system_code ?? "", cell.area_code, cell.stratum];
    let node = root;
    for (const part of parts) {
      let next = node.get(part) as Tree | undefined;
      if (!next) node.set(part, (next = new Map()));
      node = next;
    }
    let key = node.get(cell.stratum_value) as string | undefined;
    if (key === undefined) node.set(cell.stratum_value, (key = `${parts.join("|")}|${cell.stratum_value}`));
    return key;
  };
}
