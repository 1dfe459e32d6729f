package org.soseval.pipeline.panel;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The real DfE/ONS files in {@code shared/data/public}, beside the repository (see
 * shared/data/PROVENANCE.md). They are never copied into the repository; a missing folder fails the
 * test with the path it looked for.
 */
public final class PublicData {
  private static final Path ROOT =
      Path.of(System.getProperty("user.dir")).resolve("../../shared/data/public").normalize();

  private PublicData() {}

  /** The {@code public} folder (holding {@code dfe/} and {@code dfe_cla_2013_2024/}). */
  public static Path root() {
    if (!Files.isDirectory(ROOT.resolve("dfe"))
        || !Files.isDirectory(ROOT.resolve("dfe_cla_2013_2024"))) {
      throw new AssertionError(
          "Published statistics missing: "
              + ROOT
              + " (shared/data must sit beside the repository; see shared/data/PROVENANCE.md)");
    }
    return ROOT;
  }

  /** A file under {@code public/}, e.g. {@code dfe/c1_...csv}. */
  public static Path file(String relative) {
    Path path = root().resolve(relative);
    if (!Files.isRegularFile(path)) {
      throw new AssertionError(
          "Published file missing: " + path + " (see shared/data/PROVENANCE.md)");
    }
    return path;
  }

  private static PublishedPanel panel;

  /** The panel built from every published file, loaded once per test run. */
  public static synchronized PublishedPanel panel() {
    if (panel == null) {
      panel = PublishedPanel.load(root());
    }
    return panel;
  }
}
