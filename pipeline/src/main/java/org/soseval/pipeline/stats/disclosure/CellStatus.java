package org.soseval.pipeline.stats.disclosure;

/** Why a cell is or is not published. */
public enum CellStatus {
  /** Published (possibly rounded). */
  PUBLISHED,
  /** Suppressed because its count is in the profile's primary range. */
  PRIMARY,
  /** Suppressed to stop another suppressed cell being recovered from the margins. */
  SECONDARY
}
