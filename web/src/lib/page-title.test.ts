import { describe, expect, it } from "vitest";
import { MESSAGES } from "./i18n/index.ts";
import { pageTitle, type TitleLookups } from "./page-title.ts";
import { parseRoute } from "./route.ts";

const asked: string[] = [];
const lookups: TitleLookups = {
  indicatorTitle: async (id) => {
    asked.push(`indicator ${id}`);
    if (id === "gone") throw new Error("404");
    return { fr: "Mortalité prématurée", nl: "Vroegtijdige sterfte", de: "Vorzeitige Sterblichkeit", en: "Premature mortality" };
  },
  areaName: async (level, code, system, lang) => {
    asked.push(`area ${level} ${code} ${system ?? "-"} ${lang}`);
    return `${code} (${lang})`;
  },
  zoneName: async (system, zone, lang) => {
    asked.push(`zone ${system} ${zone} ${lang}`);
    return `${zone} (${lang})`;
  },
};
const titleOf = (path: string) => pageTitle(parseRoute(path, ""), lookups);

describe("page titles", () => {
  it("name an indicator's page for its indicator and a profile for its area, in the reader's language", async () => {
    asked.length = 0;
    expect(await titleOf("/nl/indicator/premature-mortality")).toBe("Vroegtijdige sterfte · Boussole");
    expect(await titleOf("/de/indicator/premature-mortality")).toBe("Vorzeitige Sterblichkeit · Boussole");
    expect(await titleOf("/fr/zone/elz/elz13")).toBe("elz13 (fr) · Boussole");
    expect(asked).toEqual(["indicator premature-mortality", "indicator premature-mortality", "area zone elz13 elz fr"]);
  });

  it("name the other views from their own messages, with no lookup", async () => {
    asked.length = 0;
    expect(await titleOf("/de/compare")).toBe(`${MESSAGES.de["compare.title"]} · Boussole`);
    expect(await titleOf("/nl/pdca")).toBe(`${MESSAGES.nl["pdca.title"]} · Boussole`);
    expect(asked).toEqual([]);
  });

  it("name a zone's improvement cycles for the zone", async () => {
    asked.length = 0;
    expect(await titleOf("/nl/pdca/elz/elz13")).toBe(`elz13 (nl) · ${MESSAGES.nl["pdca.title"]} · Boussole`);
    expect(asked).toEqual(["zone elz elz13 nl"]);
  });

  it("fall back to the product's name when a lookup fails", async () => {
    expect(await titleOf("/fr/indicator/gone")).toBe("Boussole");
  });
});
