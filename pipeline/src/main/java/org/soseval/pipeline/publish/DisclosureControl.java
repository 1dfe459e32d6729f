package org.soseval.pipeline.publish;

/**
 * The step every table passes before {@link EesWriter} writes it: primary and secondary
 * suppression, rounding of totals, and so on. Implementations replace values with {@code c} (or
 * round them) and return the table to publish. The DfE and ONS 10-5 rules are built elsewhere;
 * {@link #ALREADY_PUBLIC} is for tables computed only from statistics DfE has already published
 * (their cells were suppressed by DfE) and from synthetic data.
 */
@FunctionalInterface
public interface DisclosureControl {
  /** Returns the table that may be published. */
  PublicationTable apply(PublicationTable table);

  /**
   * No further control: only for tables from already-published statistics or synthetic data. A
   * table from case-level returns must never be written with this.
   */
  DisclosureControl ALREADY_PUBLIC = table -> table;
}
