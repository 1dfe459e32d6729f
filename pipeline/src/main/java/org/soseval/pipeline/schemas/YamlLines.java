package org.soseval.pipeline.schemas;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * Where each value of a YAML file is, so that an error about a field can give its line: {@code
 * YamlLines.of(text).at("pilots[1].start")} is {@code " (line 8)"}.
 */
public final class YamlLines {
  private static final YAMLFactory YAML = new YAMLFactory();
  private static final YamlLines NONE = new YamlLines(Map.of());

  private final Map<String, Integer> lines;

  private YamlLines(Map<String, Integer> lines) {
    this.lines = lines;
  }

  /** The line of each node by JSON pointer; none when the text is not YAML (parse errors say). */
  public static YamlLines of(String text) {
    Map<String, Integer> lines = new HashMap<>();
    try (JsonParser parser = YAML.createParser(text)) {
      while (parser.nextToken() != null) {
        lines.putIfAbsent(
            parser.getParsingContext().pathAsPointer().toString(),
            parser.currentTokenLocation().getLineNr());
      }
    } catch (IOException e) {
      return NONE;
    }
    return new YamlLines(lines);
  }

  public static YamlLines none() {
    return NONE;
  }

  /**
   * {@code " (line N)"} for a field given as a dotted path with indexes ({@code
   * configurations[0].confidence}), or for the nearest enclosing node when the field is absent;
   * empty when unknown.
   */
  public String at(String field) {
    String pointer = "/" + field.replace("]", "").replace('[', '.').replace('.', '/');
    while (!pointer.isEmpty()) {
      Integer line = lines.get(pointer);
      if (line != null && line > 0) {
        return " (line " + line + ")";
      }
      pointer = pointer.substring(0, pointer.lastIndexOf('/'));
    }
    return "";
  }
}
