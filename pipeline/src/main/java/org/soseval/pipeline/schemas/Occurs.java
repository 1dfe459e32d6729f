package org.soseval.pipeline.schemas;

import com.fasterxml.jackson.annotation.JsonCreator;

/** XML cardinality: {@code "1"}, {@code "0..1"}, {@code "0..n"} or {@code "1..n"}. */
public record Occurs(int minimum, boolean repeats) {
  public static final Occurs ONE = new Occurs(1, false);

  @JsonCreator
  static Occurs parse(String text) {
    return switch (text) {
      case "1" -> ONE;
      case "0..1" -> new Occurs(0, false);
      case "0..n" -> new Occurs(0, true);
      case "1..n" -> new Occurs(1, true);
      default ->
          throw new IllegalArgumentException("occurs must be one of 1, 0..1, 0..n, 1..n: " + text);
    };
  }

  public boolean required() {
    return minimum > 0;
  }
}
