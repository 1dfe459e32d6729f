package org.soseval.pipeline.charts;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.jfree.chart.text.TextUtils;
import org.jfree.svg.SVGGraphics2D;

/**
 * Writes a {@link Chart} named {@code x} as {@code x.png}, {@code x.svg}, {@code x.csv} and {@code
 * x.alt.txt}.
 *
 * <p>Charts are laid out at a design size of {@value ChartStyle#DESIGN_WIDTH} × {@value
 * ChartStyle#DESIGN_HEIGHT} points, or taller when the chart asks for it ({@link Chart#height()},
 * charts with many rows); fonts are 11-16 pt at that size, legible at A4 width. The PNG is drawn at
 * {@code scale} times that (1600 × 1000 pixels by default). The SVG has the design size, carries
 * the title and alt text as its {@code <title>} and {@code <desc>}, and its ids are prefixed with
 * the chart's name and numbered in drawing order, so the same chart gives byte-identical SVG; the
 * CSV and alt text are byte-identical too. Text is UTF-8 with {@code \n} line ends. Rendering is
 * headless-safe.
 */
public final class ChartWriter {
  /** The default PNG scale: 2 pixels per design point. */
  public static final double DEFAULT_SCALE = 2.0;

  static {
    // JFreeChart draws rotated text (the value-axis label) through a TextLayout by default, a
    // workaround for rotated-text bugs in JDKs before 6; SVG then gets glyph outlines instead of
    // <text>. Java 17 rotates drawString correctly, so rotated labels stay searchable text.
    TextUtils.setUseDrawRotatedStringWorkaround(false);
  }

  private final int width;
  private final int height; // 0: each chart's own design height
  private final double scale;

  private ChartWriter(int width, int height, double scale) {
    if (width <= 0 || height < 0) {
      throw new IllegalArgumentException(
          "chart size must be > 0 in both dimensions: " + width + " x " + height);
    }
    if (!(scale > 0) || scale > 10) {
      throw new IllegalArgumentException("scale must be in (0, 10]: " + scale);
    }
    this.width = width;
    this.height = height;
    this.scale = scale;
  }

  /**
   * A writer at the 800-point design width, each chart's own design height (500 points unless it
   * asks for more) and 2× PNG scale.
   */
  public static ChartWriter create() {
    return new ChartWriter(ChartStyle.DESIGN_WIDTH, 0, DEFAULT_SCALE);
  }

  /** A writer at another design size (points) for every chart, and PNG scale. */
  public static ChartWriter of(int width, int height, double scale) {
    if (height <= 0) {
      throw new IllegalArgumentException(
          "chart size must be > 0 in both dimensions: " + width + " x " + height);
    }
    return new ChartWriter(width, height, scale);
  }

  private int height(Chart chart) {
    return height > 0 ? height : chart.height();
  }

  /**
   * Writes the four files into {@code directory} (created if missing), replacing existing ones.
   *
   * @throws UncheckedIOException naming the path that could not be written
   */
  public ChartFiles write(Chart chart, Path directory) {
    Path png = directory.resolve(chart.name() + ".png");
    Path svg = directory.resolve(chart.name() + ".svg");
    Path csv = directory.resolve(chart.name() + ".csv");
    Path alt = directory.resolve(chart.name() + ".alt.txt");
    try {
      Files.createDirectories(directory);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create chart directory " + directory, e);
    }
    writeBytes(png, png(chart));
    writeBytes(svg, svg(chart).getBytes(StandardCharsets.UTF_8));
    writeBytes(csv, chart.data().toCsv().getBytes(StandardCharsets.UTF_8));
    writeBytes(alt, (chart.altText() + "\n").getBytes(StandardCharsets.UTF_8));
    return new ChartFiles(png, svg, csv, alt);
  }

  /** The chart drawn at {@code scale} times the design size, on white. */
  public BufferedImage image(Chart chart) {
    int designHeight = height(chart);
    int pixelWidth = (int) Math.round(width * scale);
    int pixelHeight = (int) Math.round(designHeight * scale);
    BufferedImage image = new BufferedImage(pixelWidth, pixelHeight, BufferedImage.TYPE_INT_RGB);
    Graphics2D g2 = image.createGraphics();
    try {
      g2.setColor(Color.WHITE);
      g2.fillRect(0, 0, pixelWidth, pixelHeight);
      g2.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g2.setRenderingHint(
          RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      g2.setRenderingHint(
          RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
      g2.scale(scale, scale);
      chart.chart().draw(g2, new Rectangle2D.Double(0, 0, width, designHeight));
    } finally {
      g2.dispose();
    }
    return image;
  }

  /** The PNG bytes of {@link #image(Chart)}. */
  public byte[] png(Chart chart) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      if (!ImageIO.write(image(chart), "png", out)) {
        throw new IllegalStateException("no PNG writer is available to ImageIO");
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot encode PNG for chart " + chart.name(), e);
    }
    return out.toByteArray();
  }

  /** The SVG document, with {@code <title>} and {@code <desc>} from the chart. */
  public String svg(Chart chart) {
    int designHeight = height(chart);
    SVGGraphics2D g2 = new SVGGraphics2D(width, designHeight);
    g2.setDefsKeyPrefix(chart.name() + "-");
    chart.chart().draw(g2, new Rectangle2D.Double(0, 0, width, designHeight));
    String element = g2.getSVGElement(chart.name());
    int open = element.indexOf('>', element.indexOf("<svg"));
    String accessible =
        " role=\"img\" aria-labelledby=\""
            + chart.name()
            + "-title "
            + chart.name()
            + "-desc\">"
            + "<title id=\""
            + chart.name()
            + "-title\">"
            + escape(chart.title())
            + "</title><desc id=\""
            + chart.name()
            + "-desc\">"
            + escape(chart.altText())
            + "</desc>";
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        + element.substring(0, open)
        + accessible
        + element.substring(open + 1)
        + "\n";
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }

  private static void writeBytes(Path path, byte[] bytes) {
    try {
      Files.write(path, bytes);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write chart file " + path, e);
    }
  }
}
