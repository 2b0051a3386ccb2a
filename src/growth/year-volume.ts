/** A point of a growth path, or of the record: a year and its volume (Mt). */
export interface YearVolume {
  readonly year: number;
  readonly volumeMt: number;
}
