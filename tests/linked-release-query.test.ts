// A numerator reused as another indicator's denominator: diabetes treatment → the hand-written
// HbA1c query, whose denominator the publisher matches to the treated diabetics read from the
// data. Its small counts are capped by the published populations, which the publisher foresees,
// so the numerator problem is protected jointly with them: about 3 minutes on an idle 2-core machine.
import { attackLinkedRelease } from "./support/linked-release.ts";

attackLinkedRelease("a release of diabetes treatment and HbA1c follow-up, published from the sample", ["diabetes-treatment-prevalence", "diabetics-hba1c-follow-up"], false);
