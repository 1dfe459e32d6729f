package org.soseval.pipeline.geography;

import java.util.Objects;

/**
 * An English local authority with children's services responsibility.
 *
 * @param code the DfE 3-digit code (old_la_code), e.g. {@code "855"}
 * @param gssCode the ONS 9-character code (new_la_code), e.g. {@code "E10000018"}
 * @param name the LA name as DfE publishes it
 * @param regionCode the ONS region code
 * @param regionName the region name
 * @param children2013 ONS mid-2013 estimate of children aged 0-17, rounded to the nearest 100
 */
public record LocalAuthority(
    String code,
    String gssCode,
    String name,
    String regionCode,
    String regionName,
    int children2013) {
  public LocalAuthority {
    Objects.requireNonNull(code, "code is null");
    if (!code.matches("\\d{3}")) {
      throw new IllegalArgumentException("LA code must be 3 digits: " + code);
    }
    Objects.requireNonNull(name, "name is null");
  }
}
