package org.soseval.pipeline.charts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.junit.jupiter.api.Test;

class EmmieChartTest {
  private static List<EmmieRating> row(
      String outcome, int[] levels, boolean[] evidence, String effect) {
    List<EmmieRating> ratings = new ArrayList<>();
    for (int d = 0; d < 5; d++) {
      ratings.add(
          EmmieRating.of(
              outcome,
              EmmieData.DIMENSIONS.get(d),
              levels[d],
              evidence[d],
              d == 0 && effect != null ? Optional.of(effect) : Optional.empty()));
    }
    return ratings;
  }

  static EmmieData example() {
    List<EmmieRating> ratings = new ArrayList<>();
    ratings.addAll(
        row(
            "Initial child protection conferences per 10,000 children",
            new int[] {4, 3, 2, 4, 4},
            new boolean[] {true, true, false, true, true},
            "fell"));
    ratings.addAll(
        row(
            "Percentage of referrals within 12 months of a previous referral",
            new int[] {2, 1, 0, 4, 3},
            new boolean[] {true, false, false, true, true},
            "no clear change"));
    ratings.addAll(
        row(
            "Overall",
            new int[] {2, 1, 0, 4, 3},
            new boolean[] {true, true, false, true, true},
            null));
    return new EmmieData(
        "EMMIE summary: quality of the evidence by outcome",
        ratings,
        Optional.of("Level wording: data-schemas/emmie/quality_levels.yaml."));
  }

  @Test
  void oneRowPerOutcomeAndOneColumnPerDimension() {
    Chart chart = EmmieChart.of("emmie", example());
    CategoryPlot plot = chart.chart().getCategoryPlot();

    assertThat(plot.getDataset().getColumnKeys())
        .containsExactly(
            "Initial child protection conferences per 10,000 children",
            "Percentage of referrals within 12 months of a previous referral",
            "Overall");
    assertThat(plot.getDataset().getRowKeys()).containsExactlyElementsOf(EmmieData.DIMENSIONS);
    SymbolAxis columns = (SymbolAxis) plot.getRangeAxis();
    assertThat(columns.getSymbols()).containsExactly(EmmieData.DIMENSIONS.toArray(String[]::new));
    assertThat(EmmieChart.Cells.fill(0)).isEqualTo(ChartStyle.LEVELS.get(0));
    assertThat(EmmieChart.Cells.fill(4)).isEqualTo(ChartStyle.BLUE);
  }

  @Test
  void levelsAreWordsAsWellAsShadesAndDarkShadesGetWhiteText() {
    assertThat(ChartStyle.textOn(ChartStyle.LEVELS.get(0))).isEqualTo(ChartStyle.BLACK);
    assertThat(ChartStyle.textOn(ChartStyle.LEVELS.get(4))).isEqualTo(java.awt.Color.WHITE);
    String text =
        Rendered.svgText(
            Rendered.assertSvgParses(Rendered.write(EmmieChart.of("emmie-example", example()))));
    assertThat(text)
        .contains("Level 4")
        .contains("no evidence")
        .contains("fell")
        .contains("Implementation");
  }

  @Test
  void tableAndAltTextGiveEveryCell() {
    Chart chart = EmmieChart.of("emmie", example());

    assertThat(chart.data().toCsv())
        .startsWith(
            "outcome,dimension,quality_level,evidence,finding\n"
                + "\"Initial child protection conferences per 10,000 children\",Effect,4,yes,fell\n"
                + "\"Initial child protection conferences per 10,000 children\",Mechanisms,3,yes,\n"
                + "\"Initial child protection conferences per 10,000 children\",Moderators,2,no evidence,\n")
        .endsWith("Overall,Economics,3,yes,\n");
    assertThat(chart.data().rows()).hasSize(15);
    assertThat(chart.altText())
        .isEqualTo(
            "EMMIE summary: evidence-quality levels (0 = none to 4 = strongest) for Initial child"
                + " protection conferences per 10,000 children, Percentage of referrals within 12"
                + " months of a previous referral and Overall on Effect, Mechanisms, Moderators,"
                + " Implementation and Economics. Initial child protection conferences per 10,000"
                + " children: Effect 4 (fell), Mechanisms 3, Moderators 2 (no evidence),"
                + " Implementation 4, Economics 4. Percentage of referrals within 12 months of a"
                + " previous referral: Effect 2 (no clear change), Mechanisms 1 (no evidence),"
                + " Moderators 0 (no evidence), Implementation 4, Economics 3. Overall: Effect 2,"
                + " Mechanisms 1, Moderators 0 (no evidence), Implementation 4, Economics 3.");
  }

  @Test
  void rendersPngAndSvg() {
    Chart chart = EmmieChart.of("emmie-example", example());
    ChartFiles files = Rendered.write(chart);

    BufferedImage image = Rendered.assertPngLooksDrawn(files, chart.height());
    assertThat(DotPlotChartTest.hasColour(image, ChartStyle.BLUE)).isTrue();
    assertThat(Rendered.read(files.csv())).isEqualTo(chart.data().toCsv());
    assertThat(Rendered.svg(EmmieChart.of("e", example())))
        .isEqualTo(Rendered.svg(EmmieChart.of("e", example())));
  }

  @Test
  void rejectsLevelsOffTheScaleUnknownDimensionsAndMissingCells() {
    assertThatThrownBy(() -> EmmieRating.of("Overall", "Effect", 5, true, Optional.empty()))
        .hasMessage("Cannot draw EMMIE chart: level of Effect for 'Overall' must be 0 to 4: 5");
    assertThatThrownBy(() -> EmmieRating.of("Overall", "Impact", 1, true, Optional.empty()))
        .hasMessage(
            "Cannot draw EMMIE chart: dimension must be one of [Effect, Mechanisms, Moderators,"
                + " Implementation, Economics]: 'Impact'");
    assertThatThrownBy(
            () ->
                new EmmieData(
                    "t",
                    List.of(EmmieRating.of("Overall", "Effect", 1, true, Optional.empty())),
                    Optional.empty()))
        .hasMessage("Cannot draw EMMIE chart: 'Overall' has no rating for Mechanisms");
  }
}
