package org.soseval.pipeline.charts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

class ChartWriterTest {

  @Test
  void writesFourFilesNamedAfterTheChart(@TempDir Path directory) {
    Chart chart = EventStudyChart.of("es", EventStudyChartTest.example());

    ChartFiles files = ChartWriter.create().write(chart, directory.resolve("out"));

    assertThat(files.all())
        .extracting(p -> p.getFileName().toString())
        .containsExactly("es.png", "es.svg", "es.csv", "es.alt.txt");
    assertThat(files.all()).allSatisfy(p -> assertThat(p).isRegularFile());
  }

  @Test
  void svgCarriesTitleAndAltTextForScreenReadersWithNamePrefixedIds(@TempDir Path directory) {
    Chart chart = ForestPlotChart.of("forest", ForestPlotChartTest.f1());
    ChartFiles files = ChartWriter.create().write(chart, directory);

    Document svg = Rendered.assertSvgParses(files);
    assertThat(svg.getDocumentElement().getAttribute("role")).isEqualTo("img");
    assertThat(svg.getDocumentElement().getAttribute("aria-labelledby"))
        .isEqualTo("forest-title forest-desc");
    assertThat(svg.getElementsByTagName("desc").item(0).getTextContent())
        .isEqualTo(chart.altText());
    String text = Rendered.read(files.svg());
    assertThat(text).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg");
    assertThat(text).contains("id='forest-clip-0'").doesNotContainPattern("id='_\\d");
  }

  @Test
  void pngScaleAndDesignSizeAreConfigurable() {
    Chart chart = EventStudyChart.of("es", EventStudyChartTest.example());

    var image = ChartWriter.of(600, 400, 1.5).image(chart);

    assertThat(image.getWidth()).isEqualTo(900);
    assertThat(image.getHeight()).isEqualTo(600);
    assertThatThrownBy(() -> ChartWriter.of(600, 400, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("scale must be in (0, 10]: 0.0");
  }

  @Test
  void aChartWithManyRowsIsWrittenAtItsOwnHeightUnlessTheWriterFixesOne() {
    java.util.List<DotPlotPoint> points = new java.util.ArrayList<>();
    for (int i = 0; i < 20; i++) {
      points.add(DotPlotPoint.of("Item " + i, "Wave 1", DotPlotChartTest.n("5.0")));
    }
    Chart tall =
        DotPlotChart.of(
            "tall",
            new DotPlotData(
                "Twenty rows",
                "items",
                "Score",
                0,
                10,
                java.util.OptionalDouble.empty(),
                points,
                java.util.Optional.empty()));

    assertThat(tall.height()).isGreaterThan(ChartStyle.DESIGN_HEIGHT);
    assertThat(tall.height() % Chart.HEIGHT_STEP).isZero();
    assertThat(ChartWriter.create().image(tall).getHeight()).isEqualTo(2 * tall.height());
    assertThat(ChartWriter.create().svg(tall)).contains("height='" + tall.height() + ".0'");
    assertThat(ChartWriter.of(800, 500, 1).image(tall).getHeight()).isEqualTo(500);
    assertThatThrownBy(
            () -> new Chart("t", tall.title(), tall.chart(), tall.data(), tall.altText(), 525))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("chart height must be a multiple of 50 in [500, 1000] points for chart t: 525");
  }

  @Test
  void rejectsChartNamesThatAreNotSafeFileStems() {
    var example = EventStudyChart.of("es", EventStudyChartTest.example());

    assertThatThrownBy(
            () ->
                new Chart(
                    "../Evil Name",
                    example.title(),
                    example.chart(),
                    example.data(),
                    example.altText()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("chart name must be lower case letters, digits, '-' or '_': '../Evil Name'");
  }

  @Test
  void csvNumbersAreUnroundedPlainDecimalsAndCellsAreQuotedWhenNeeded() {
    assertThat(DataTable.number(45.3)).isEqualTo("45.3");
    assertThat(DataTable.number(100.0)).isEqualTo("100");
    assertThat(DataTable.number(0.0001)).isEqualTo("0.0001");
    assertThat(DataTable.number(1.0e20)).isEqualTo("100000000000000000000");
    assertThat(DataTable.number(-0.0)).isEqualTo("0");
    assertThat(DataTable.number(Double.NaN)).isEmpty();
    assertThat(DataTable.builder("a", "b").row("x, y", "say \"hi\"").build().toCsv())
        .isEqualTo("a,b\n\"x, y\",\"say \"\"hi\"\"\"\n");
  }

  @Test
  void displayNumbersUseLocaleRootWhateverTheDefaultLocale() {
    // surefire runs in de_DE: a comma decimal separator would show up here
    assertThat(Formats.display(1234.56)).isEqualTo("1,235");
    assertThat(Formats.display(45.25)).isEqualTo("45.3");
    assertThat(Formats.display(-4.9)).isEqualTo("-4.90");
    assertThat(Formats.display(0.01234)).isEqualTo("0.0123");
    assertThat(Formats.fixed(-0.0004, 2)).isEqualTo("0.00");
    assertThat(Formats.level(0.998)).isEqualTo("99.8%");
  }

  @Test
  void yearsAreLabelledByFormat() {
    assertThat(YearFormat.FINANCIAL.label(2014)).isEqualTo("2014-15");
    assertThat(YearFormat.FINANCIAL.label(1999)).isEqualTo("1999-00");
    assertThat(YearFormat.ACADEMIC.label(2014)).isEqualTo("2014/15");
    assertThat(YearFormat.CALENDAR.range(2012, 2019)).isEqualTo("2012 to 2019");
  }
}
