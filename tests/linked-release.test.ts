// The promise tried from outside, on a release published from the synthetic sample with
// definitions linked in the ways issue 12 lists: the same deaths under two names
// (premature-mortality and -crude), all deaths = deaths 0–74 + deaths 75+ (all-cause,
// premature, mortality-75-plus), BIM and non-BIM strata adding up to the base's
// (premature-mortality-bim / -non-bim). The numerator reused as a denominator is in
// linked-release-query.test.ts. The independent attacker (attacker/), which shares no code with
// the publisher, must find no hidden small count narrower than the width, with or without knowing
// which cells were primary; the trusted audit must pass; the publisher must have found the links.
import { attackLinkedRelease } from "./support/linked-release.ts";

// About 30 s of publishing on an idle machine.
attackLinkedRelease(
  "a release of the mortality family, published from the sample",
  ["premature-mortality", "premature-mortality-crude", "premature-mortality-bim", "premature-mortality-non-bim", "mortality-75-plus", "all-cause-mortality"],
  true,
);
