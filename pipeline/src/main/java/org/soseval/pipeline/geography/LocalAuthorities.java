package org.soseval.pipeline.geography;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * The English LAs whose boundaries were unchanged from 2012 to 2024 (147 of them), from {@code
 * data-schemas/reference/local_authorities.csv} (ONS mid-year estimates as published by DfE; Open
 * Government Licence v3.0).
 */
public final class LocalAuthorities {
  private static final String RESOURCE = "schemas/reference/local_authorities.csv";
  private static final List<LocalAuthority> STABLE = load();

  private LocalAuthorities() {}

  /** The LAs in ascending order of DfE code. */
  public static List<LocalAuthority> stable() {
    return STABLE;
  }

  public static Optional<LocalAuthority> byCode(String code) {
    return STABLE.stream().filter(la -> la.code().equals(code)).findFirst();
  }

  private static List<LocalAuthority> load() {
    try (InputStream in = LocalAuthorities.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is not on the class path");
      }
      List<LocalAuthority> authorities = new ArrayList<>();
      CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
      for (CSVRecord row : format.parse(new InputStreamReader(in, StandardCharsets.UTF_8))) {
        authorities.add(
            new LocalAuthority(
                row.get("old_la_code"),
                row.get("new_la_code"),
                row.get("la_name"),
                row.get("region_code"),
                row.get("region_name"),
                Integer.parseInt(row.get("population_0_17_mid2013"))));
      }
      return List.copyOf(authorities);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + RESOURCE, e);
    }
  }
}
