/** A span of time, from inclusive, to exclusive. */
export interface Period {
  from: Date;
  to: Date;
}
