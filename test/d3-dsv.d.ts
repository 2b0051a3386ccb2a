/** The two functions of d3-dsv (a dev dependency: an independent CSV reader) the tests use. */
declare module 'd3-dsv' {
  export function csvParse(text: string): Record<string, string>[];
  export function dsvFormat(delimiter: string): { parseRows(text: string): string[][] };
}
