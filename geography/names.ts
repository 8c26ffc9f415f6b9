/**
 * Names Statbel's REFNIS (French and Dutch) does not give: the German names of the nine
 * municipalities of the German-speaking Community, and English exonyms in current use.
 * Elsewhere the English name is the official one in the municipality's language area.
 */

/** The nine municipalities of the German-speaking Community and their (official) German names. */
export const GERMAN_NAMES: Readonly<Record<string, string>> = {
  "63001": "Amel",
  "63012": "Büllingen",
  "63013": "Bütgenbach",
  "63023": "Eupen",
  "63040": "Kelmis",
  "63048": "Lontzen",
  "63061": "Raeren",
  "63067": "Sankt Vith",
  "63087": "Burg-Reuland",
};

/** English exonyms in current use (Brussels, Antwerp, Ghent, Bruges, Ostend, Ypres); others keep the official name. */
export const ENGLISH_EXONYMS: Readonly<Record<string, string>> = {
  "21004": "Brussels",
  "11002": "Antwerp",
  "44021": "Ghent",
  "31005": "Bruges",
  "35013": "Ostend",
  "33011": "Ypres",
};
