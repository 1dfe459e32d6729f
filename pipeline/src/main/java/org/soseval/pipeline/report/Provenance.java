package org.soseval.pipeline.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import org.soseval.pipeline.compare.EvaluationConfig;

/**
 * Where an evaluation's numbers came from: the config (its text and SHA-256) and every file of its
 * sources with size and SHA-256, in a fixed order (by source, then path). Paths are relative to the
 * source's folder so that the report does not depend on where the data sit.
 *
 * @param configName the config's file name
 * @param configSha256 SHA-256 of the config file
 * @param configText the config as written
 * @param inputs the source files
 * @param version the sos-eval version ("development build" when not run from a packaged jar)
 * @param javaVersion the Java runtime's version ({@code java.version})
 */
record Provenance(
    String configName,
    String configSha256,
    String configText,
    List<InputFile> inputs,
    String version,
    String javaVersion) {

  /** One input file. {@code source} is the config's key: public, panel or deposits. */
  record InputFile(String source, String path, long bytes, String sha256) {
    InputFile {
      Objects.requireNonNull(source, "source is null");
      Objects.requireNonNull(path, "path is null");
      Objects.requireNonNull(sha256, "sha256 is null");
    }
  }

  Provenance {
    inputs = List.copyOf(inputs);
  }

  static Provenance of(EvaluationConfig config) {
    Path file = config.file();
    List<InputFile> inputs = new ArrayList<>();
    config.sources().publicDir().ifPresent(dir -> inputs.addAll(folder("public", dir)));
    config
        .sources()
        .panel()
        .ifPresent(
            panel ->
                inputs.add(
                    new InputFile(
                        "panel", panel.getFileName().toString(), size(panel), sha256(panel))));
    config.sources().deposits().ifPresent(dir -> inputs.addAll(folder("deposits", dir)));
    String version =
        Optional.ofNullable(Provenance.class.getPackage().getImplementationVersion())
            .orElse("development build");
    try {
      return new Provenance(
          file.getFileName().toString(),
          sha256(file),
          Files.readString(file, StandardCharsets.UTF_8),
          inputs,
          version,
          System.getProperty("java.version"));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the evaluation config " + file, e);
    }
  }

  private static List<InputFile> folder(String source, Path dir) {
    if (Files.isRegularFile(dir)) {
      return List.of(new InputFile(source, dir.getFileName().toString(), size(dir), sha256(dir)));
    }
    try (Stream<Path> files = Files.walk(dir)) {
      return files
          .filter(Files::isRegularFile)
          .map(path -> dir.relativize(path))
          .map(relative -> relative.toString().replace('\\', '/'))
          .sorted()
          .map(
              relative -> {
                Path path = dir.resolve(relative);
                return new InputFile(source, relative, size(path), sha256(path));
              })
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list the source folder " + dir, e);
    }
  }

  private static long size(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + file, e);
    }
  }

  /** The lower-case hex SHA-256 of a file's bytes. */
  static String sha256(Path file) {
    try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest())) {
      MessageDigest digest = ((DigestInputStream) in).getMessageDigest();
      in.transferTo(java.io.OutputStream.nullOutputStream());
      return HexFormat.of().formatHex(digest.digest());
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + file, e);
    }
  }

  private static MessageDigest digest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }
}
