package org.soseval.pipeline.instruments;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Which comparison group each LA belongs to ({@code Pilots}, {@code Comparison LAs}); pooled rows
 * are per group, never across groups. LAs not listed fall in {@link #OTHER}.
 */
public record LaGroups(Map<String, String> groupOf) {
  public static final String PILOTS = "Pilots";
  public static final String COMPARISON = "Comparison LAs";
  public static final String OTHER = "Other LAs";

  public LaGroups {
    groupOf = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(groupOf));
  }

  public static LaGroups of(List<String> pilots, List<String> comparators) {
    Map<String, String> map = new LinkedHashMap<>();
    pilots.forEach(la -> map.put(la, PILOTS));
    comparators.forEach(la -> map.putIfAbsent(la, COMPARISON));
    return new LaGroups(map);
  }

  public String of(String la) {
    Objects.requireNonNull(la, "la is null");
    return groupOf.getOrDefault(la, OTHER);
  }

  public boolean isPilot(String la) {
    return PILOTS.equals(of(la));
  }

  /** Groups in publication order: pilots, comparison LAs, others. */
  static List<String> order() {
    return new ArrayList<>(List.of(PILOTS, COMPARISON, OTHER));
  }
}
