package org.soseval.pipeline.derive;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * One SSDA903 episode of a child as one return holds it.
 *
 * @param collectionYear the collection year of the return this version came from
 * @param decom {@code DECOM}, the date the episode began
 * @param rne {@code RNE}, the reason for the new episode (S = started to be looked after)
 * @param legalStatus {@code LS} (V3/V4 are short breaks)
 * @param dec {@code DEC}, the date the episode ceased
 * @param rec {@code REC}, the reason it ceased (X1 = the child stays looked after)
 */
public record CareEpisode(
    int collectionYear,
    LocalDate decom,
    String rne,
    String legalStatus,
    Optional<LocalDate> dec,
    Optional<String> rec)
    implements Serializable {
  public CareEpisode {
    Objects.requireNonNull(decom, "decom is null");
    rne = rne == null ? "" : rne;
    legalStatus = legalStatus == null ? "" : legalStatus;
    Objects.requireNonNull(dec, "dec is null");
    Objects.requireNonNull(rec, "rec is null");
  }

  public static CareEpisode of(
      int collectionYear, LocalDate decom, String rne, String ls, LocalDate dec, String rec) {
    return new CareEpisode(
        collectionYear,
        decom,
        rne,
        ls,
        Optional.ofNullable(dec),
        Optional.ofNullable(rec).filter(code -> !code.isBlank()));
  }

  /** Whether the episode is a short break ({@code LS} V3 or V4). */
  public boolean shortBreak() {
    return legalStatus.equals("V3") || legalStatus.equals("V4");
  }

  /** Whether the episode ends its period of care: it ceased with a reason other than X1. */
  public boolean endsPeriod() {
    return dec.isPresent() && rec.isPresent() && !rec.get().equals("X1");
  }
}
