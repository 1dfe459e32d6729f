package org.soseval.pipeline.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The wave-1 report opened in headless Chromium, as a reader would open it: a screenshot is taken
 * (kept as {@code target/report-example-screenshot.png} to look at), and the test fails on a
 * console error, a missing image or a broken link. Tagged {@code browser}: run by {@code mvn verify
 * -Pbrowser} and by CI, which installs Debian's chromium; it fails, not skips, without Chromium.
 */
@Tag("browser")
class ReportBrowserTest {
  private static final Path CHROMIUM =
      Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));

  @Test
  void theReportOpensInChromiumWithEveryImageAndLinkInPlace(@TempDir Path profile)
      throws Exception {
    if (!Files.isExecutable(CHROMIUM)) {
      fail(
          "Chromium is not installed at "
              + CHROMIUM
              + ": the browser tests need it. Install it with `apt-get install -y chromium` (as"
              + " .ci/run does), set CHROMIUM to another binary, or leave out -Pbrowser to skip"
              + " the browser tests.");
    }
    ReportFixture fixture = ReportFixture.get();
    Path screenshot = Path.of("target", "report-example-screenshot.png").toAbsolutePath();
    Files.deleteIfExists(screenshot);
    Path log = profile.resolve("chromium.log");
    Process chromium =
        new ProcessBuilder(
                List.of(
                    CHROMIUM.toString(),
                    "--headless",
                    "--no-sandbox",
                    "--disable-gpu",
                    "--disable-quic",
                    "--no-first-run",
                    "--disable-background-networking",
                    "--disable-component-update",
                    "--disable-sync",
                    "--hide-scrollbars",
                    "--user-data-dir=" + profile.resolve("profile"),
                    "--enable-logging=stderr",
                    "--v=0",
                    "--screenshot=" + screenshot,
                    "--window-size=1280,4000",
                    fixture.written.index().toAbsolutePath().toUri().toString()))
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    if (!chromium.waitFor(120, TimeUnit.SECONDS)) {
      chromium.destroyForcibly();
      fail("Chromium did not finish within 120 s; its log:\n" + Files.readString(log));
    }
    String output = Files.readString(log, StandardCharsets.UTF_8);
    assertThat(chromium.exitValue()).as("Chromium's exit code; its log:\n%s", output).isZero();
    List<String> console = output.lines().filter(line -> line.contains(":CONSOLE")).toList();
    assertThat(console).as("console messages").isEmpty();

    BufferedImage image = ImageIO.read(screenshot.toFile());
    assertThat(image).as("the screenshot " + screenshot).isNotNull();
    assertThat(image.getWidth()).isEqualTo(1280);
    assertThat(nonWhiteShare(image))
        .as("share of the screenshot that is not white")
        .isGreaterThan(0.02);

    assertThat(ReportChecks.problems(fixture.written.index())).isEmpty();
  }

  private static double nonWhiteShare(BufferedImage image) {
    long ink = 0;
    for (int y = 0; y < image.getHeight(); y += 2) {
      for (int x = 0; x < image.getWidth(); x += 2) {
        int rgb = image.getRGB(x, y);
        if (((rgb >> 16) & 0xff) + ((rgb >> 8) & 0xff) + (rgb & 0xff) < 720) {
          ink++;
        }
      }
    }
    return ink / ((image.getWidth() / 2.0) * (image.getHeight() / 2.0));
  }
}
