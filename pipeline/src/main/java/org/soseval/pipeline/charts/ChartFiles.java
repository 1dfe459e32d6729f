package org.soseval.pipeline.charts;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * The files {@link ChartWriter} wrote for one chart named {@code x}: {@code x.png}, {@code x.svg},
 * {@code x.csv} and {@code x.alt.txt}.
 */
public record ChartFiles(Path png, Path svg, Path csv, Path altText) {
  public ChartFiles {
    Objects.requireNonNull(png, "png is null");
    Objects.requireNonNull(svg, "svg is null");
    Objects.requireNonNull(csv, "csv is null");
    Objects.requireNonNull(altText, "altText is null");
  }

  /** The four paths, in the order png, svg, csv, alt text. */
  public List<Path> all() {
    return List.of(png, svg, csv, altText);
  }
}
