package org.soseval.pipeline.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The fake returns in {@code shared/data/fixtures/} beside the repository (see
 * shared/data/PROVENANCE.md); a missing file fails the test with the path it looked for.
 */
final class Fixtures {
  static final Path ROOT =
      Path.of(System.getProperty("user.dir")).resolve("../../shared/data/fixtures").normalize();

  private Fixtures() {}

  static Path file(String relative) {
    Path path = ROOT.resolve(relative);
    if (!Files.isRegularFile(path)) {
      throw new AssertionError(
          "Fixture missing: "
              + path
              + " (shared/data must sit beside the repository; see shared/data/PROVENANCE.md)");
    }
    return path;
  }

  /** Copies fixture {@code relative} to {@code target} (folders created). */
  static Path copy(String relative, Path target) {
    try {
      Files.createDirectories(target.getParent());
      return Files.copy(file(relative), target);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
