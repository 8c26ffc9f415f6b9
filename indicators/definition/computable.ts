/**
 * A definition that validates must compute: whatever the engine would skip ("not computed
 * yet", compute/compile.ts) is refused here, at the field that makes it so, so that
 * `indicators validate` and `compute` never disagree. Also the rules of indirect
 * standardisation (compute/indirect-standardisation.ts).
 */
import { notComputedReason } from "../compute/compile.ts";
import type { CheckedDefinition, Definition } from "./schema.ts";
import { statisticOf } from "../statistics/index.ts";

type Add = (path: (string | number)[], message: string, suggestion?: string) => void;

export function checkComputable(def: CheckedDefinition, add: Add): void {
  const spec = statisticOf(def.statistic);
  if (def.standard !== undefined && !spec.standard) {
    add(["standard"], "`standard` chooses whose rates an indirectly standardised ratio is computed with: remove it, or use statistic `indirectly-standardised-ratio`");
  }
  const only = spec.validation.strata;
  if (only) {
    def.strata?.forEach((s, i) => {
      if (!only.only.includes(s)) add(["strata", i], only.refusal(s));
    });
  }
  // Only once the blocks are there: a missing block has its own message (rules.ts).
  if (def.sql !== undefined || (!def.population && !def["zone-value"] && !def["ratio-of"])) return;
  const reason = notComputedReason({ ...def, strata: def.strata ?? [] } as Definition);
  if (!reason || reason === "no population or numerator") return;
  const path = def["zone-value"] ? ["zone-value"] : def.numerator?.kind === "medicines" && def.numerator["cheaper-share"] ? ["numerator", "cheaper-share"] : ["statistic"];
  add(path, `the engine cannot compute this: ${reason}`);
}
