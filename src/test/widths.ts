/** The widths every workflow and screenshot is taken at: a laptop and a phone. */
export const WIDTHS = [
  { name: '1440', width: 1440, height: 900 },
  { name: '390', width: 390, height: 844 },
] as const;
export type Width = (typeof WIDTHS)[number];
