package org.soseval.pipeline.report;

import static org.soseval.pipeline.report.ReportFormat.fixed;
import static org.soseval.pipeline.report.ReportFormat.interval;
import static org.soseval.pipeline.report.ReportFormat.pEquals;
import static org.soseval.pipeline.report.ReportFormat.signed;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import org.soseval.pipeline.compare.EffectRow;
import org.soseval.pipeline.panel.Indicator;
import org.soseval.pipeline.stats.compare.Polarity;

/**
 * The report's sentences, generated from the same rows as its tables: no number is typed by hand.
 */
final class Narrative {
  private Narrative() {}

  /**
   * The headline sentence of an outcome, from its pooled two-way fixed-effects DiD, e.g. "Relative
   * to their 70 comparison LAs, initial child protection conferences per 10,000 children in the
   * pilots changed by -4.6 (95% CI -14.9 to 5.6; wild bootstrap p = 0.36): no evidence of an
   * effect."
   */
  static String headline(OutcomeFindings findings) {
    if (findings.did().isEmpty()) {
      return "No pooled estimate could be made for "
          + findings.labelInSentence()
          + (findings.notes().isEmpty() ? "." : ": " + String.join("; ", findings.notes()) + ".");
    }
    EffectRow did = findings.did().get();
    int d = findings.decimals();
    String test =
        did.pValueWildBootstrap().isPresent()
            ? "wild bootstrap " + pEquals(did.pValueWildBootstrap().getAsDouble())
            : "cluster-robust " + pEquals(did.pValue());
    return comparatorPhrase(findings)
        + findings.labelInSentence()
        + " in the pilots changed by "
        + signed(did.estimate(), d)
        + findings.changeUnit()
        + " (95% CI "
        + interval(did.lowerCi(), did.upperCi(), d)
        + "; "
        + test
        + "): "
        + verdict(did, findings.polarity())
        + ".";
  }

  private static String comparatorPhrase(OutcomeFindings findings) {
    String phrase = "Relative to their " + findings.comparators() + " comparison LAs";
    if (findings.comparatorsWithData() < findings.comparators()) {
      phrase += " (" + findings.comparatorsWithData() + " with data)";
    }
    return phrase + ", ";
  }

  /**
   * "no evidence of an effect" when the 95% interval includes zero, else "evidence of a fall" or
   * "of a rise", with whether that is the better direction when the indicator has a polarity.
   */
  static String verdict(EffectRow row, Polarity polarity) {
    if (!(row.upperCi() < 0) && !(row.lowerCi() > 0)) {
      return "no evidence of an effect";
    }
    boolean fall = row.upperCi() < 0;
    String text = fall ? "evidence of a fall" : "evidence of a rise";
    if (polarity == Polarity.LOWER_IS_BETTER) {
      text += fall ? ", the better direction" : ", the worse direction";
    } else if (polarity == Polarity.HIGHER_IS_BETTER) {
      text += fall ? ", the worse direction" : ", the better direction";
    }
    return text + " (the 95% interval excludes zero)";
  }

  /** The per-pilot pooling: estimate, interval and heterogeneity of the DerSimonian-Laird row. */
  static String pooling(OutcomeFindings findings) {
    if (findings.pooledDl().isEmpty()) {
      return "The per-pilot estimates could not be pooled (fewer than two pilots had an estimate).";
    }
    EffectRow dl = findings.pooledDl().get();
    int d = findings.decimals();
    return "Pooling the "
        + dl.nUnits()
        + " per-pilot estimates by DerSimonian-Laird random effects gives "
        + signed(dl.estimate(), d)
        + findings.changeUnit()
        + " (95% CI "
        + interval(dl.lowerCi(), dl.upperCi(), d)
        + ", "
        + pEquals(dl.pValue())
        + "); heterogeneity between pilots: I² = "
        + fixed(dl.diagnostics().i2Percent().orElse(Double.NaN), 1)
        + "%, τ² = "
        + fixed(dl.diagnostics().tau2().orElse(Double.NaN), 2)
        + ", Q = "
        + fixed(dl.diagnostics().q().orElse(Double.NaN), 2)
        + " on "
        + (dl.nUnits() - 1)
        + " df. "
        + pilotsExcludingZero(findings);
  }

  private static String pilotsExcludingZero(OutcomeFindings findings) {
    long lower = findings.perPilot().stream().filter(row -> row.upperCi() < 0).count();
    long higher = findings.perPilot().stream().filter(row -> row.lowerCi() > 0).count();
    return count(lower, findings.perPilot().size())
        + " had an interval wholly below zero and "
        + higher
        + " wholly above.";
  }

  private static String count(long k, int n) {
    return "Of the " + n + " pilots, " + k;
  }

  /** Pre-trend check and the post-period path of the event study. */
  static String eventStudy(OutcomeFindings findings) {
    List<EffectRow> terms = findings.eventStudy();
    if (terms.isEmpty()) {
      return "No event study could be estimated.";
    }
    int d = findings.decimals();
    List<EffectRow> before = terms.stream().filter(t -> t.term().getAsInt() < 0).toList();
    List<EffectRow> after = terms.stream().filter(t -> t.term().getAsInt() >= 0).toList();
    StringBuilder text = new StringBuilder();
    text.append("Before go-live, ")
        .append(excluding(before))
        .append(" of ")
        .append(before.size())
        .append(" yearly estimates had a 95% interval excluding zero (a check for diverging")
        .append(" trends before the pilots started; the year before implementation is the")
        .append(" reference).");
    if (!after.isEmpty()) {
      EffectRow first = after.get(0);
      EffectRow last = after.get(after.size() - 1);
      text.append(" After go-live the estimate was ")
          .append(signed(first.estimate(), d))
          .append(" in year ")
          .append(term(first))
          .append(" (95% CI ")
          .append(interval(first.lowerCi(), first.upperCi(), d))
          .append(")");
      if (after.size() > 1) {
        text.append(" and ")
            .append(signed(last.estimate(), d))
            .append(" in year ")
            .append(term(last))
            .append(" (95% CI ")
            .append(interval(last.lowerCi(), last.upperCi(), d))
            .append(")");
      }
      text.append("; ")
          .append(excluding(after))
          .append(" of ")
          .append(after.size())
          .append(" post-period intervals exclude zero.");
    }
    return text.toString();
  }

  static String term(EffectRow row) {
    int term = row.term().getAsInt();
    return term > 0 ? "+" + term : Integer.toString(term);
  }

  private static long excluding(List<EffectRow> rows) {
    return rows.stream().filter(row -> row.upperCi() < 0 || row.lowerCi() > 0).count();
  }

  /**
   * The unit of the estimates in Table 1, which has no room for it in its cells: "Each estimate is
   * a change in its outcome's own unit (for a rate, so many per 10,000 children aged 0-17); for a
   * percentage, percentage points."
   */
  static String units(List<OutcomeFindings> outcomes) {
    boolean percent = outcomes.stream().anyMatch(OutcomeFindings::percent);
    boolean rate =
        outcomes.stream()
            .anyMatch(
                f ->
                    Indicator.byColumn(f.outcome())
                        .filter(i -> i.kind() == Indicator.Kind.RATE)
                        .isPresent());
    String text = "Each estimate is a change in its outcome's own unit";
    if (rate) {
      text += " (for a rate, so many per 10,000 children aged 0-17)";
    }
    return text + (percent ? "; for a percentage, percentage points." : ".");
  }

  /**
   * The limits of the design in one key message: not a randomised comparison, the assumption it
   * rests on, and the outcomes whose event study found the pilots already diverging before go-live
   * (a pre-period interval excluding zero), e.g. "... For section 47 enquiries per 10,000 children
   * the pilots were already diverging before go-live (1 of 2 earlier yearly estimates excludes
   * zero), so its estimate is less secure."
   */
  static String designCaveat(List<OutcomeFindings> outcomes, int comparators) {
    StringBuilder text =
        new StringBuilder(
            "The pilots were not chosen at random: each estimate compares them with "
                + comparators
                + " comparison LAs and assumes that, without the practice model, the pilots'"
                + " outcomes would have moved like theirs (section 1.5).");
    for (OutcomeFindings findings : outcomes) {
      List<EffectRow> before =
          findings.eventStudy().stream().filter(t -> t.term().getAsInt() < 0).toList();
      long diverging = excluding(before);
      if (diverging > 0) {
        text.append(" For ")
            .append(findings.labelInSentence())
            .append(" the pilots were already diverging before go-live (")
            .append(diverging)
            .append(" of ")
            .append(before.size())
            .append(" earlier yearly estimates ")
            .append(diverging == 1 ? "excludes" : "exclude")
            .append(" zero), so its estimate is less secure.");
      }
    }
    return text.toString();
  }

  /**
   * Across outcomes: how many pooled DiDs exclude zero, and how many survive a Bonferroni
   * correction for the number of outcomes tested.
   */
  static String multiplicity(List<OutcomeFindings> outcomes) {
    List<EffectRow> dids = outcomes.stream().flatMap(f -> f.did().stream()).toList();
    int n = dids.size();
    if (n == 0) {
      return "No outcome could be estimated.";
    }
    long significant = dids.stream().filter(r -> r.upperCi() < 0 || r.lowerCi() > 0).count();
    double threshold = 0.05 / n;
    long bonferroni =
        dids.stream().filter(r -> r.pValueWildBootstrap().orElse(r.pValue()) < threshold).count();
    String text =
        significant
            + " of "
            + n
            + " outcome"
            + (n == 1 ? "" : "s")
            + " had a pooled difference-in-differences estimate whose 95% interval excludes zero.";
    if (n > 1) {
      text +=
          " With "
              + n
              + " outcomes tested, a Bonferroni-corrected threshold is p < "
              + BigDecimal.valueOf(threshold)
                  .round(new MathContext(3))
                  .stripTrailingZeros()
                  .toPlainString()
              + "; "
              + bonferroni
              + " of "
              + n
              + " meet it.";
    }
    return text;
  }
}
