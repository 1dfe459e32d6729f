package org.soseval.pipeline.lake;

import java.nio.file.Path;
import java.util.Objects;

/** One partition of one dataset: what a deposit replaces when it is ingested again. */
public record Partition(String folder, String la, int year) implements Comparable<Partition> {
  public Partition {
    Objects.requireNonNull(folder, "folder is null");
    Objects.requireNonNull(la, "la is null");
  }

  /** {@code FOLDER/la=LA/year=YEAR} under {@code root}. */
  public Path under(Path root) {
    return root.resolve(folder).resolve("la=" + la).resolve("year=" + year);
  }

  @Override
  public int compareTo(Partition other) {
    int byFolder = folder.compareTo(other.folder);
    if (byFolder != 0) {
      return byFolder;
    }
    int byLa = la.compareTo(other.la);
    return byLa != 0 ? byLa : Integer.compare(year, other.year);
  }
}
