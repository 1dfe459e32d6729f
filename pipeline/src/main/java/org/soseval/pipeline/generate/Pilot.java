package org.soseval.pipeline.generate;

import java.time.LocalDate;
import java.util.Objects;

/** A pilot LA, the date its practice model went live, and an optional moderator label. */
public record Pilot(String la, LocalDate start, String group) {
  public Pilot {
    Objects.requireNonNull(la, "la is null");
    Objects.requireNonNull(start, "start is null");
    Objects.requireNonNull(group, "group is null");
  }
}
