package org.soseval.pipeline.stats.disclosure;

/**
 * GSS / EES symbols written in place of a value (users.md section 3.6; GSS "Symbols, suppressed and
 * missing values"; methods.md section 7.1).
 */
public enum Symbol {
  /** {@code c}: confidential, suppressed by disclosure control (primary or secondary). */
  CONFIDENTIAL("c"),
  /** {@code z}: not applicable, e.g. a percentage of a zero base. */
  NOT_APPLICABLE("z"),
  /** {@code x}: unavailable (obsolete form {@code :}), e.g. a return not submitted. */
  UNAVAILABLE("x"),
  /**
   * {@code low}: rounds to zero at the published precision but is not zero (obsolete form {@code
   * ~}; older DfE CLA releases used {@code k}).
   */
  LOW("low"),
  /** {@code u}: low reliability. */
  LOW_RELIABILITY("u");

  private final String code;

  Symbol(String code) {
    this.code = code;
  }

  /** The text written in the published cell. */
  public String code() {
    return code;
  }
}
