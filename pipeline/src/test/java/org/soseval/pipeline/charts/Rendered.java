package org.soseval.pipeline.charts;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;

/**
 * Rendering checks shared by the chart tests. Every chart the tests render is also written to
 * {@code target/charts/} so that a person can look at it.
 */
final class Rendered {
  static final Path OUTPUT = Path.of("target", "charts");
  private static final ChartWriter WRITER = ChartWriter.create();

  private Rendered() {}

  /** Writes the chart's files to target/charts and returns them. */
  static ChartFiles write(Chart chart) {
    return WRITER.write(chart, OUTPUT);
  }

  /** Decodes the written PNG and checks size (1600 × 1000) and that it is not blank. */
  static BufferedImage assertPngLooksDrawn(ChartFiles files) {
    return assertPngLooksDrawn(files, ChartStyle.DESIGN_HEIGHT);
  }

  /** As above, for a chart of the given design height (PNG 2 × that high). */
  static BufferedImage assertPngLooksDrawn(ChartFiles files, int designHeight) {
    BufferedImage image;
    try {
      image = ImageIO.read(new ByteArrayInputStream(Files.readAllBytes(files.png())));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    assertThat(image).as("decoded PNG").isNotNull();
    assertThat(image.getWidth()).isEqualTo(1600);
    assertThat(image.getHeight()).isEqualTo(2 * designHeight);
    Set<Integer> colours = new HashSet<>();
    long inked = 0;
    for (int y = 0; y < image.getHeight(); y += 2) {
      for (int x = 0; x < image.getWidth(); x += 2) {
        int rgb = image.getRGB(x, y) & 0xFFFFFF;
        colours.add(rgb);
        if (rgb != 0xFFFFFF) {
          inked++;
        }
      }
    }
    long sampled = (long) (image.getWidth() / 2) * (image.getHeight() / 2);
    assertThat(colours.size()).as("distinct colours").isGreaterThan(20);
    assertThat((double) inked / sampled).as("share of non-white pixels").isGreaterThan(0.02);
    return image;
  }

  /** Parses the written SVG as XML and returns the document. */
  static Document assertSvgParses(ChartFiles files) {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      String svg = Files.readString(files.svg(), StandardCharsets.UTF_8);
      Document document =
          factory.newDocumentBuilder().parse(new InputSource(new StringReader(svg)));
      assertThat(document.getDocumentElement().getTagName()).isEqualTo("svg");
      return document;
    } catch (Exception e) {
      throw new AssertionError("SVG does not parse: " + files.svg(), e);
    }
  }

  /** All text drawn in the SVG, one string per {@code <text>} element, joined by newlines. */
  static String svgText(Document document) {
    StringBuilder text = new StringBuilder();
    var nodes = document.getElementsByTagName("text");
    for (int i = 0; i < nodes.getLength(); i++) {
      text.append(nodes.item(i).getTextContent()).append('\n');
    }
    return text.toString();
  }

  static String read(Path path) {
    try {
      return Files.readString(path, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String svg(Chart chart) {
    return WRITER.svg(chart);
  }
}
