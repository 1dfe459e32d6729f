package org.soseval.pipeline.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jfree.data.category.CategoryDataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.soseval.pipeline.PipelineException;
import org.soseval.pipeline.charts.Chart;
import org.soseval.pipeline.compare.EffectDirection;
import org.soseval.pipeline.emmie.Emmie;

/**
 * The instrument figures of the report, from small published tables written here by hand in the
 * layout of docs/instruments.md, with suppressed cells in them.
 */
class InstrumentEvidenceTest {
  private static final String NATIONAL = "2016,Reporting year,National,E92000001,England,,,,,,";
  private static final String IDENTIFIERS =
      "time_period,time_identifier,geographic_level,country_code,country_name,region_code,"
          + "region_name,old_la_code,new_la_code,la_name,";

  @TempDir Path publish;

  private static String la(String code, String gss, String name) {
    return "2016,Reporting year,Local authority,E92000001,England,E13000002,Outer London,"
        + code
        + ","
        + gss
        + ","
        + name
        + ",";
  }

  private void write(String name, String header, String... rows) throws IOException {
    Files.writeString(
        publish.resolve(name), IDENTIFIERS + header + "\n" + String.join("\n", rows) + "\n");
  }

  private void ratings() throws IOException {
    write(
        "implementation_ratings.csv",
        "wave,comparison_group,element,raters,score,change",
        NATIONAL + "1,Pilots,Total,10,4.1,z",
        NATIONAL + "1,Pilots,leadership_consistent,10,3.8,z",
        NATIONAL + "1,Pilots,staff_familiarity,10,c,z",
        la("304", "E09000005", "Brent") + "1,Pilots,Total,3,4.5,z",
        NATIONAL + "2,Pilots,Total,10,6.3,2.1",
        NATIONAL + "2,Pilots,leadership_consistent,10,6.0,2.2",
        NATIONAL + "2,Pilots,staff_familiarity,10,6.5,c");
  }

  private void audits() throws IOException {
    String header =
        "audit_round,comparison_group,criterion_group,criterion,cases_rated,met,partly,"
            + "percent_met,lower_ci,upper_ci,change_pp,change_lower_ci,change_upper_ci";
    write(
        "audit_criteria.csv",
        header,
        NATIONAL + "1,Pilots,mapping,danger_statements_plain,190,110,40,60.0,52.8,66.8,z,z,z",
        NATIONAL + "1,Pilots,mapping,childs_voice,c,c,c,c,c,c,z,z,z",
        NATIONAL + "1,Pilots,safety_plan,safety_plan_present,180,100,40,52.5,45.2,59.6,z,z,z",
        NATIONAL
            + "2,Pilots,mapping,danger_statements_plain,190,140,30,71.6,64.8,77.5,11.6,1.9,21.0",
        NATIONAL + "2,Pilots,mapping,childs_voice,180,110,30,60.0,52.7,66.9,c,c,c",
        NATIONAL
            + "2,Pilots,safety_plan,safety_plan_present,180,90,40,50.0,42.8,57.2,-2.5,-12.7,7.8");
  }

  private void surveys() throws IOException {
    String header =
        "survey,wave,comparison_group,scale,item,respondents,base,agreeing,percent_agreeing,"
            + "lower_ci,upper_ci,dont_know,item_nonresponse,unit_response_rate,change_pp,"
            + "change_lower_ci,change_upper_ci";
    write(
        "survey_items.csv",
        header,
        NATIONAL
            + "family_survey,1,Pilots,relationship,fs_listened,370,360,250,68.7,63.7,73.3,10,10,90.6,z,z,z",
        NATIONAL
            + "family_survey,1,Pilots,relationship,fs_views_ignored,370,350,60,17.2,13.6,21.5,10,10,90.6,z,z,z",
        la("304", "E09000005", "Brent")
            + "family_survey,1,Pilots,relationship,fs_listened,39,35,27,77.1,61.0,87.9,c,c,88.6,z,z,z",
        NATIONAL
            + "family_survey,2,Pilots,relationship,fs_listened,410,400,320,80.0,75.8,83.6,c,10,92.9,11.3,5.2,17.2",
        NATIONAL
            + "family_survey,2,Pilots,relationship,fs_views_ignored,410,c,c,c,c,c,c,c,92.9,c,c,c",
        NATIONAL
            + "family_survey,1,Comparison LAs,relationship,fs_listened,2570,2500,1360,54.5,52.5,56.4,90,80,93.4,z,z,z");
  }

  private void costs() throws IOException {
    String header =
        "comparison_group,cost_category,authorities,cost_gbp,cost_per_child_gbp,"
            + "cost_per_staff_trained_gbp";
    String[] categories = {
      "training", "consultancy_licence", "staff_time", "other_direct", "indirect"
    };
    String[] brent = {"75276", "96900", "160611", "14790", "22825"}; // total 370402
    StringBuilder rows = new StringBuilder();
    rows.append(NATIONAL).append("Pilots,Total,3,1000000,900,1871\n");
    rows.append(la("304", "E09000005", "Brent")).append("Pilots,Total,1,370402,1398,1807\n");
    for (int i = 0; i < categories.length; i++) {
      rows.append(NATIONAL)
          .append("Pilots,")
          .append(categories[i])
          .append(",3,")
          .append(i == 2 ? "500000" : "125000")
          .append(",x,x\n");
      rows.append(la("304", "E09000005", "Brent"))
          .append("Pilots,")
          .append(categories[i])
          .append(",1,")
          .append(brent[i])
          .append(",x,x\n");
      rows.append(la("801", "E06000023", "\"Bristol, City of\""))
          .append("Pilots,")
          .append(categories[i])
          .append(",1,")
          .append(i == 0 ? "400000" : "0")
          .append(",x,x\n");
      rows.append(la("872", "E06000041", "Wokingham"))
          .append("Pilots,")
          .append(categories[i])
          .append(",1,")
          .append(i == 1 ? "c" : "1000")
          .append(",x,x\n");
    }
    rows.append(la("801", "E06000023", "\"Bristol, City of\""))
        .append("Pilots,Total,1,400000,x,x\n");
    rows.append(la("872", "E06000041", "Wokingham")).append("Pilots,Total,1,c,x,x\n");
    Files.writeString(publish.resolve("costs.csv"), IDENTIFIERS + header + "\n" + rows);
    Files.writeString(
        publish.resolve("costs.meta.csv"),
        "col_name,col_type,label,indicator_grouping,indicator_unit,indicator_dp,filter_hint,"
            + "filter_grouping_column,filter_default\n"
            + "cost_gbp,Indicator,\"Cost, 2023-24 prices\",Cost,£,0,,,\n");
  }

  @Test
  void selfRatingsArePlottedAsPublishedWithTheirChangeAndSuppressedCellsAsSymbols()
      throws IOException {
    ratings();
    EvidenceFigure figure = InstrumentEvidence.read(publish).implementation().get(0);

    assertThat(figure.chart().name()).isEqualTo("implementation-ratings");
    // pooled rows only; the element labels come from the instrument's catalogue
    assertThat(figure.chart().data().toCsv())
        .isEqualTo(
            "row,series,value,lower,upper,level\n"
                + "All elements (mean),\"Pilots, wave 1\",4.1,,,\n"
                + "All elements (mean),\"Pilots, wave 2\",6.3,,,\n"
                + "Leadership is consistent with the model,\"Pilots, wave 1\",3.8,,,\n"
                + "Leadership is consistent with the model,\"Pilots, wave 2\",6.0,,,\n"
                + "Staff are familiar with the principles and tools,\"Pilots, wave 1\",c,,,\n"
                + "Staff are familiar with the principles and tools,\"Pilots, wave 2\",6.5,,,\n");
    CategoryDataset dataset = figure.chart().chart().getCategoryPlot().getDataset();
    assertThat(
            dataset.getValue("Pilots, wave 1", "Staff are familiar with the principles and tools"))
        .isNull();
    assertThat(figure.table().headers())
        .containsExactly("Element", "Pilots, wave 1 (10 LAs)", "Pilots, wave 2 (10 LAs)");
    assertThat(figure.table().rows())
        .containsExactly(
            List.of("All elements (mean)", "4.1", "6.3 (+2.1)"),
            List.of("Leadership is consistent with the model", "3.8", "6.0 (+2.2)"),
            List.of("Staff are familiar with the principles and tools", "c", "6.5"));
    // 6.3 - 4.1 = 2.2 but the published change is +2.1: the caption says why
    assertThat(figure.table().caption())
        .endsWith(
            " (changes are of the unrounded values, so they can differ by 0.1 from the"
                + " difference of the values shown)");
    assertThat(figure.paragraphs())
        .containsExactly(
            "Pilots: the mean self-rating over all elements (10 LAs) was 4.1 in wave 1 and 6.3 in"
                + " wave 2 (change +2.1).",
            "Pilots, wave 2: highest-rated element \"Staff are familiar with the principles and"
                + " tools\" (6.5), lowest \"Leadership is consistent with the model\" (6.0).");
  }

  @Test
  void auditCriteriaCarryTheirWilsonLimitsAndTheSentencesCountOnlyPublishedChanges()
      throws IOException {
    audits();
    EvidenceFigure figure = InstrumentEvidence.read(publish).implementation().get(0);

    assertThat(figure.chart().name()).isEqualTo("audit-criteria");
    assertThat(figure.chart().data().toCsv())
        .contains(
            "\"Danger statements are in plain, behaviourally specific language\",\"Pilots, round"
                + " 2\",71.6,64.8,77.5,0.95\n")
        .contains(
            "\"The child's voice is recorded (e.g. Three Houses, Wizards and Fairies)\","
                + "\"Pilots, round 1\",c,c,c,0.95\n");
    assertThat(figure.table().rows().get(1))
        .containsExactly(
            "The child's voice is recorded (e.g. Three Houses, Wizards and Fairies)",
            "c",
            "60.0 (52.7 to 66.9), n = 180",
            "c");
    assertThat(figure.table().rows().get(0).get(3)).isEqualTo("+11.6 (1.9 to 21.0)");
    assertThat(figure.table().caption()).endsWith(InstrumentEvidence.UNROUNDED_CHANGE);
    assertThat(figure.paragraphs())
        .containsExactly(
            "Pilots, round 2: each of 3 criteria was met in between 50.0% (\"A written safety plan"
                + " exists\") and 71.6% (\"Danger statements are in plain, behaviourally specific"
                + " language\") of the audited cases. Since the first round the change ranged from"
                + " -2.5 to +11.6 percentage points; its 95% interval lies above zero for 1 and"
                + " below zero for 0 of 2 criteria.");
  }

  @Test
  void surveyItemsAreOneFigurePerSurveyUnderMechanismsWithNegativeItemsMarked() throws IOException {
    surveys();
    List<EvidenceFigure> figures = InstrumentEvidence.read(publish).mechanisms();

    assertThat(figures).hasSize(1);
    EvidenceFigure family = figures.get(0);
    assertThat(family.heading()).isEqualTo("Mechanisms: family experience survey");
    assertThat(family.chart().name()).isEqualTo("survey-family-survey");
    assertThat(family.chart().data().toCsv())
        .isEqualTo(
            "row,series,value,lower,upper,level\n"
                + "My social worker listened to me and understood my family's situation,"
                + "\"Pilots, wave 1\",68.7,63.7,73.3,0.95\n"
                + "My social worker listened to me and understood my family's situation,"
                + "\"Pilots, wave 2\",80.0,75.8,83.6,0.95\n"
                + "My social worker listened to me and understood my family's situation,"
                + "\"Comparison LAs, wave 1\",54.5,52.5,56.4,0.95\n"
                + "I felt my views were ignored (negatively worded),\"Pilots, wave 1\",17.2,13.6,"
                + "21.5,0.95\n"
                + "I felt my views were ignored (negatively worded),\"Pilots, wave 2\",c,c,c,0.95\n");
    assertThat(family.table().rows().get(0).get(2))
        .isEqualTo("80.0 (75.8 to 83.6); n 400, DK c, no answer 10");
    assertThat(family.paragraphs())
        .containsExactly(
            "Responding units: Pilots, wave 1, 370 (90.6% of those sampled); Pilots, wave 2, 410"
                + " (92.9% of those sampled); Comparison LAs, wave 1, 2570 (93.4% of those"
                + " sampled).");
  }

  private void answers() throws IOException {
    List<String> rows = new ArrayList<>();
    String[] answers = {"strongly_disagree", "disagree", "neither", "agree", "strongly_agree"};
    Map<String, String[]> percents =
        Map.of(
            "2,Pilots,relationship,fs_listened",
                new String[] {"5.0", "5.0", "10.0", "40.0", "40.0"},
            "2,Pilots,relationship,fs_views_ignored", new String[] {"c", "c", "c", "c", "c"},
            "1,Pilots,relationship,fs_listened",
                new String[] {"5.0", "6.3", "20.0", "40.0", "28.7"},
            "1,Comparison LAs,relationship,fs_listened",
                new String[] {"10.0", "15.0", "20.5", "30.0", "24.5"});
    for (Map.Entry<String, String[]> item : new java.util.TreeMap<>(percents).entrySet()) {
      for (int k = 0; k < answers.length; k++) {
        rows.add(
            NATIONAL
                + "family_survey,"
                + item.getKey()
                + ","
                + answers[k]
                + ","
                + item.getValue()[k]);
      }
    }
    // an LA row is not drawn (the figure is of the pooled rows)
    rows.add(
        la("304", "E09000005", "Brent")
            + "family_survey,1,Pilots,relationship,fs_listened,agree,c");
    write(
        "survey_responses.csv",
        "survey,wave,comparison_group,scale,item,response,percent",
        rows.toArray(String[]::new));
  }

  @Test
  void surveyAnswersAreDivergingBarsAtEachGroupsLatestWaveNextToTheAgreementDots()
      throws IOException {
    surveys();
    answers();
    List<EvidenceFigure> figures = InstrumentEvidence.read(publish).mechanisms();

    // one chart per group at its latest wave, so that each has room for its rows
    assertThat(figures)
        .extracting(EvidenceFigure::heading)
        .containsExactly(
            "Mechanisms: family experience survey",
            "Mechanisms: family experience survey, answers: Pilots, wave 2",
            "Mechanisms: family experience survey, answers: Comparison LAs, wave 1");
    EvidenceFigure pilots = figures.get(1);
    EvidenceFigure comparison = figures.get(2);
    assertThat(pilots.chart().name()).isEqualTo("survey-answers-family-survey-pilots-wave-2");
    assertThat(comparison.chart().name())
        .isEqualTo("survey-answers-family-survey-comparison-las-wave-1");
    assertThat(pilots.chart().altText()).isNotBlank();
    assertThat(pilots.paragraphs()).hasSize(1);
    assertThat(comparison.paragraphs()).isEmpty();
    String listened = "My social worker listened to me and understood my family's situation";
    String ignored = "I felt my views were ignored (negatively worded)";
    assertThat(pilots.table().rows())
        .containsExactly(
            List.of(
                listened, "Pilots, wave 2", "400", "5.0", "5.0", "10.0", "40.0", "40.0", "c", "10"),
            List.of(ignored, "Pilots, wave 2", "c", "c", "c", "c", "c", "c", "c", "c"));
    assertThat(comparison.table().rows())
        .containsExactly(
            List.of(
                listened,
                "Comparison LAs, wave 1",
                "2500",
                "10.0",
                "15.0",
                "20.5",
                "30.0",
                "24.5",
                "90",
                "80"));
    // the charts' own tables have the same published cells; the suppressed item has no bar; an
    // item's label names no group (the chart's title does)
    assertThat(pilots.chart().data().toCsv())
        .contains(listened + ",400,5.0,5.0,10.0,40.0,40.0,")
        .doesNotContain("28.7");
    assertThat(comparison.chart().data().toCsv()).contains(",20.5,30.0,24.5,");
    CategoryDataset dataset = pilots.chart().chart().getCategoryPlot().getDataset();
    assertThat(dataset.getColumnKeys().toString())
        .doesNotContain("wave 1")
        .doesNotContain("Comparison");
  }

  @Test
  void costsAreOneBarPerLaLargestFirstInThePublishedPriceYear() throws IOException {
    costs();
    EvidenceFigure figure = InstrumentEvidence.read(publish).costs().get(0);

    CategoryDataset dataset = figure.chart().chart().getCategoryPlot().getDataset();
    assertThat(dataset.getColumnKeys()).containsExactly("Bristol, City of", "Brent", "Wokingham");
    assertThat(dataset.getValue("Staff time", "Brent")).isEqualTo(160611.0);
    assertThat(dataset.getValue("Training (including backfill)", "Wokingham")).isNull();
    assertThat(figure.chart().chart().getCategoryPlot().getRangeAxis().getLabel())
        .isEqualTo("Cost (£, 2023-24 prices)");
    assertThat(figure.table().caption())
        .isEqualTo("Implementation costs by category, £ in 2023-24 prices");
    assertThat(figure.table().rows().get(2))
        .containsExactly("Wokingham", "£1,000", "c", "£1,000", "£1,000", "£1,000", "c", "x", "x");
    assertThat(figure.table().rows().get(3).get(0)).isEqualTo("Pilots (all 3 LAs)");
    assertThat(figure.paragraphs())
        .containsExactly(
            "Pilots (3 LAs): implementation costs of £1,000,000 in 2023-24 prices, £900 per child"
                + " worked with and £1,871 per social worker trained. The largest category was"
                + " staff time (£500,000).");
  }

  @Test
  void noPublishedTablesMeanNoFiguresAndNoEvidence() {
    InstrumentEvidence.Figures figures = InstrumentEvidence.read(publish);

    assertThat(figures.implementation()).isEmpty();
    assertThat(figures.costs()).isEmpty();
    assertThat(figures.mechanisms()).isEmpty();
    ReportEvidence evidence = EmmieEvidence.of(List.of(), publish);
    assertThat(evidence.implementation()).isEmpty();
    assertThat(evidence.costs()).isEmpty();
    assertThat(evidence.emmie()).isEmpty();
  }

  @Test
  void aCellThatIsNeitherANumberNorASymbolIsRejectedNamingFileLineAndColumn() throws IOException {
    write(
        "implementation_ratings.csv",
        "wave,comparison_group,element,raters,score,change",
        NATIONAL + "1,Pilots,Total,10,four,z");

    assertThatThrownBy(() -> InstrumentEvidence.read(publish))
        .isInstanceOf(PipelineException.class)
        .hasMessageStartingWith(
            "Cannot report implementation_ratings.csv line 2 column score: it is neither a number"
                + " nor a symbol (c, x, z, low, u): 'four'");
  }

  private static Emmie.Entry entry(
      String outcome, Optional<EffectDirection> direction, int level, boolean effectEvidence) {
    List<Emmie.Dimension> dimensions = new ArrayList<>();
    for (String name :
        List.of("effect", "mechanisms", "moderators", "implementation", "economics")) {
      boolean evidence = name.equals("effect") ? effectEvidence : !name.equals("moderators");
      dimensions.add(
          new Emmie.Dimension(
              name, level, "label", "rule", evidence, name + " narrative", List.of(), Map.of()));
    }
    return new Emmie.Entry(outcome, direction, dimensions);
  }

  @Test
  void theEmmieGraphicGivesTheEffectsDirectionAndNoEvidenceOnlyWithoutAnEstimate() {
    Chart chart =
        EmmieEvidence.chart(
            List.of(
                // not significant: EMMIE's effect flag is false, but there is an estimate
                entry("icpc_rate", Optional.of(EffectDirection.NO_EFFECT), 4, false),
                entry("s47_rate", Optional.empty(), 0, false),
                entry(Emmie.OVERALL, Optional.empty(), 2, true)));

    assertThat(chart.name()).isEqualTo("emmie-summary");
    assertThat(chart.data().toCsv())
        .startsWith(
            "outcome,dimension,quality_level,evidence,finding\n"
                + "\"Initial child protection conferences per 10,000 children\",Effect,4,yes,"
                + "no clear change\n"
                + "\"Initial child protection conferences per 10,000 children\",Mechanisms,4,yes,\n"
                + "\"Initial child protection conferences per 10,000 children\",Moderators,4,"
                + "no evidence,\n")
        .contains("\"Section 47 enquiries per 10,000 children\",Effect,0,no evidence,\n")
        .contains("Overall (across outcomes),Effect,2,yes,\n");
  }

  @Test
  void theEffectCellSaysWhichWayTheOutcomeMovedInAWordOrTwo() {
    assertThat(EmmieEvidence.finding(EffectDirection.REDUCED)).isEqualTo("fell");
    assertThat(EmmieEvidence.finding(EffectDirection.MIXED_NS)).isEqualTo("no clear change");
    assertThat(EmmieEvidence.finding(EffectDirection.INCREASED_SOME_REDUCTION))
        .isEqualTo("rose (mixed)");
    assertThat(EmmieEvidence.outcomeLabel("icpc_rate"))
        .isEqualTo("Initial child protection conferences per 10,000 children");
    assertThat(EmmieEvidence.outcomeLabel(Emmie.OVERALL)).isEqualTo("Overall (across outcomes)");
  }
}
