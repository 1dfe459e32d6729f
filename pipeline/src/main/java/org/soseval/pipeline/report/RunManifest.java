package org.soseval.pipeline.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.soseval.pipeline.compare.EvaluationConfig;

/**
 * {@code OUT/manifest.json}: what a run read and wrote. The only file of a run with a time in it
 * (from the injected {@link Clock}, to the second, UTC).
 */
final class RunManifest {
  static final String FILE = "manifest.json";

  private RunManifest() {}

  /**
   * Writes the manifest.
   *
   * @param outputs the files written, relative to {@code out}, in the order to list them
   */
  static Path write(
      Path out, Clock clock, EvaluationConfig config, Provenance provenance, List<Path> outputs) {
    Map<String, Object> manifest = new LinkedHashMap<>();
    Map<String, Object> tool = new LinkedHashMap<>();
    tool.put("name", "sos-eval");
    tool.put("version", provenance.version());
    tool.put("java", provenance.javaVersion());
    manifest.put("tool", tool);
    manifest.put("generated_at", Instant.now(clock).truncatedTo(ChronoUnit.SECONDS).toString());
    Map<String, Object> configEntry = new LinkedHashMap<>();
    configEntry.put("path", config.file().toAbsolutePath().normalize().toString());
    configEntry.put("sha256", provenance.configSha256());
    configEntry.put("text", provenance.configText());
    manifest.put("config", configEntry);
    Map<String, Object> sources = new LinkedHashMap<>();
    config
        .sources()
        .publicDir()
        .ifPresent(dir -> sources.put("public", dir.toAbsolutePath().normalize().toString()));
    config
        .sources()
        .panel()
        .ifPresent(dir -> sources.put("panel", dir.toAbsolutePath().normalize().toString()));
    config
        .sources()
        .deposits()
        .ifPresent(dir -> sources.put("deposits", dir.toAbsolutePath().normalize().toString()));
    manifest.put("sources", sources);
    List<Map<String, Object>> inputs = new ArrayList<>();
    for (Provenance.InputFile input : provenance.inputs()) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("source", input.source());
      entry.put("path", input.path());
      entry.put("bytes", input.bytes());
      entry.put("sha256", input.sha256());
      inputs.add(entry);
    }
    manifest.put("inputs", inputs);
    List<Map<String, Object>> written = new ArrayList<>();
    for (Path output : outputs) {
      Path file = out.resolve(output);
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("path", output.toString().replace('\\', '/'));
      try {
        entry.put("bytes", Files.size(file));
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot read " + file, e);
      }
      entry.put("sha256", Provenance.sha256(file));
      written.add(entry);
    }
    manifest.put("outputs", written);
    Path file = out.resolve(FILE);
    ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    try {
      Files.writeString(file, json.writeValueAsString(manifest) + "\n", StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write the run manifest " + file, e);
    }
    return file;
  }
}
