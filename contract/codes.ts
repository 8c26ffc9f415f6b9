import { code } from "./column.ts";

/** Code formats shared by several files. */
export const NIS_CODE = code(/^\d{5}$/, "5 digits (REFNIS/NIS)");
export const SECTOR_CODE = code(/^[0-9A-Z_-]{6,12}$/, "6–12 characters: digits, capitals, _ or -");
export const ZONE_CODE = code(/^[A-Za-z0-9_-]{1,32}$/, "1–32 characters: letters, digits, _ or -");
