package org.soseval.pipeline.instruments;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.soseval.pipeline.privacy.PseudonymKey;
import org.soseval.pipeline.privacy.Pseudonymiser;
import org.soseval.pipeline.publish.EesChecker;
import org.soseval.pipeline.stats.disclosure.Cell;
import org.soseval.pipeline.stats.disclosure.DisclosureProfile;
import org.soseval.pipeline.stats.survey.LikertCounts;

class SurveyAnalysisTest {
  /** Relationship-scale answers of 12 respondents; the last item is negatively worded. */
  private static final int[][] ANSWERS = {
    {4, 4, 5, 4, 2}, {5, 5, 5, 4, 1}, {3, 3, 4, 3, 3}, {2, 3, 2, 2, 4}, {4, 5, 4, 5, 2},
    {5, 4, 5, 5, 1}, {3, 2, 3, 3, 3}, {4, 4, 4, 3, 2}, {1, 2, 2, 1, 5}, {4, 3, 4, 4, 2},
    {5, 5, 4, 5, 1}, {3, 4, 3, 3, 4}
  };

  private static final List<String> ITEMS =
      List.of(
          "fs_listened",
          "fs_does_what_they_say",
          "fs_worker_cares",
          "fs_time_with_children",
          "fs_views_ignored");

  @TempDir Path temp;

  private InstrumentSet survey() throws IOException {
    StringBuilder csv =
        new StringBuilder("la_code,respondent_id,wave,wave_date,item_id,response\n");
    for (int r = 0; r < ANSWERS.length; r++) {
      for (int j = 0; j < ITEMS.size(); j++) {
        csv.append("855,R")
            .append(r)
            .append(",1,2015-04-01,")
            .append(ITEMS.get(j))
            .append(',')
            .append(ANSWERS[r][j])
            .append('\n');
      }
    }
    for (int r = 0; r < 6; r++) { // answer one item only: incomplete cases for alpha
      csv.append("855,S").append(r).append(",1,2015-04-01,fs_listened,2\n");
      csv.append("855,S").append(r).append(",1,2015-04-01,fs_does_what_they_say,\n");
    }
    csv.append("855,U1,1,2015-04-01,fs_listened,\n"); // unit non-response
    for (int r = 0; r < 8; r++) { // a small LA: a base of 8
      csv.append("925,T").append(r).append(",1,2015-04-01,fs_listened,4\n");
    }
    Path folder = Files.createDirectories(temp.resolve("instruments"));
    Files.writeString(folder.resolve("family_survey.csv"), csv.toString());
    return InstrumentSet.read(List.of(folder), Pseudonymiser.create(PseudonymKey.random()));
  }

  /** The records of a published CSV (header row first); shared with the other analyses' tests. */
  static List<CSVRecord> read(Path file) throws IOException {
    try (Reader reader = Files.newBufferedReader(file)) {
      return CSVFormat.RFC4180
          .builder()
          .setHeader()
          .setSkipHeaderRecord(true)
          .get()
          .parse(reader)
          .getRecords();
    }
  }

  @Test
  void publishesPercentAgreeingWithWilsonLimitsAndNonResponse() throws IOException {
    Path publish = temp.resolve("publish");
    SurveyAnalysis.run(
        survey(), LaGroups.of(List.of("855"), List.of()), DisclosureProfile.dfe(), publish);
    Map<String, String> listened =
        read(publish.resolve(SurveyAnalysis.ITEMS_FILE)).stream()
            .filter(r -> r.get("old_la_code").equals("855") && r.get("item").equals("fs_listened"))
            .findFirst()
            .orElseThrow()
            .toMap();
    // 7 agreeing of 18 valid; R 4.2.2 prop.test(7, 18, correct = FALSE)$conf.int * 100 =
    // 20.3052465722, 61.3809583978
    assertThat(listened)
        .containsEntry("time_period", "2016")
        .containsEntry("base", "18")
        .containsEntry("agreeing", "7")
        .containsEntry("percent_agreeing", "38.9")
        .containsEntry("lower_ci", "20.3")
        .containsEntry("upper_ci", "61.4")
        .containsEntry("unit_response_rate", "94.7")
        .containsEntry("change_pp", "z");
    Map<String, String> reliable =
        read(publish.resolve(SurveyAnalysis.ITEMS_FILE)).stream()
            .filter(
                r ->
                    r.get("old_la_code").equals("855")
                        && r.get("item").equals("fs_does_what_they_say"))
            .findFirst()
            .orElseThrow()
            .toMap();
    assertThat(reliable).containsEntry("item_nonresponse", "6").containsEntry("base", "12");
    assertThat(EesChecker.checkDirectory(publish).failures()).isEmpty();
  }

  @Test
  void suppressesAPercentageOnABaseBelowTenAndRoundsPooledCounts() throws IOException {
    Path publish = temp.resolve("publish");
    SurveyAnalysis.run(
        survey(), LaGroups.of(List.of("855"), List.of()), DisclosureProfile.dfe(), publish);
    List<CSVRecord> rows = read(publish.resolve(SurveyAnalysis.ITEMS_FILE));
    Map<String, String> small =
        rows.stream()
            .filter(r -> r.get("old_la_code").equals("925") && r.get("item").equals("fs_listened"))
            .findFirst()
            .orElseThrow()
            .toMap();
    assertThat(small)
        .containsEntry("base", "c")
        .containsEntry("agreeing", "c")
        .containsEntry("percent_agreeing", "c")
        .containsEntry("lower_ci", "c");
    Map<String, String> pilots =
        rows.stream()
            .filter(
                r ->
                    r.get("geographic_level").equals("National")
                        && r.get("comparison_group").equals("Pilots")
                        && r.get("item").equals("fs_listened"))
            .findFirst()
            .orElseThrow()
            .toMap();
    assertThat(pilots).containsEntry("base", "20").containsEntry("percent_agreeing", "38.9");
  }

  /** fs_listened answers per LA and wave: {la, wave, answer, how many}. */
  private InstrumentSet smallLaBesideThePooledRow() throws IOException {
    String[][] spec = {
      {"855", "1", "4", "8"}, {"855", "1", "2", "4"}, // 8 of 12 agreeing
      {"925", "1", "5", "3"}, {"925", "1", "3", "4"}, // 3 of 7: a base below 10
      {"926", "1", "4", "9"}, {"926", "1", "1", "6"}, // 9 of 15
      {"855", "2", "4", "10"}, {"855", "2", "2", "2"} // 10 of 12
    };
    StringBuilder csv =
        new StringBuilder("la_code,respondent_id,wave,wave_date,item_id,response\n");
    int id = 0;
    for (String[] s : spec) {
      for (int k = 0; k < Integer.parseInt(s[3]); k++) {
        csv.append(s[0]).append(",R").append(id++).append(',').append(s[1]);
        csv.append(s[1].equals("1") ? ",2015-04-01," : ",2016-04-01,");
        csv.append("fs_listened,").append(s[2]).append('\n');
      }
    }
    Path folder = Files.createDirectories(temp.resolve("instruments"));
    Files.writeString(folder.resolve("family_survey.csv"), csv.toString());
    return InstrumentSet.read(List.of(folder), Pseudonymiser.create(PseudonymKey.random()));
  }

  @Test
  void aScaleScoreOfAnLaWithFewerThanTenRespondentsIsNotUsableForStatisticsOverPilots()
      throws IOException {
    List<SurveyAnalysis.ScaleScore> scores =
        SurveyAnalysis.run(
            survey(),
            LaGroups.of(List.of("855", "925"), List.of()),
            DisclosureProfile.dfe(),
            temp.resolve("publish"));
    Map<String, SurveyAnalysis.ScaleScore> relationship =
        scores.stream()
            .filter(score -> score.scale().equals("relationship"))
            .collect(Collectors.toMap(SurveyAnalysis.ScaleScore::la, score -> score));
    // 855: 12 full respondents and 6 answering one item (the unit non-response is not counted)
    assertThat(relationship.get("855").respondents()).isEqualTo(18);
    assertThat(relationship.get("855").usable()).isTrue();
    assertThat(relationship.get("925").respondents()).isEqualTo(8);
    assertThat(relationship.get("925").usable()).isFalse();
  }

  @Test
  void hidesASecondLaSoThePooledRowCannotGiveASmallBaseBack() throws IOException {
    // Found by the acceptance check with unseen files: the pilots' Total (base rounded to 10, but
    // percent and Wilson limits to 1 dp pin down 20 of 34) minus the published LAs gave the
    // suppressed LA's 3 of 7 back. 855 (the smallest published base) is now hidden as well, so
    // the Total minus 926 leaves 855 and 925 together (a base of 19).
    Path publish = temp.resolve("publish");
    SurveyAnalysis.run(
        smallLaBesideThePooledRow(),
        LaGroups.of(List.of("855", "925", "926"), List.of()),
        DisclosureProfile.dfe(),
        publish);
    List<CSVRecord> rows = read(publish.resolve(SurveyAnalysis.ITEMS_FILE));
    Map<String, Map<String, String>> wave1 = new TreeMap<>();
    Map<String, Map<String, String>> wave2 = new TreeMap<>();
    rows.stream()
        .filter(r -> r.get("item").equals("fs_listened"))
        .forEach(
            r ->
                (r.get("wave").equals("1") ? wave1 : wave2)
                    .put(
                        r.get("old_la_code").isEmpty() ? "Total" : r.get("old_la_code"),
                        r.toMap()));
    for (String la : List.of("925", "855")) {
      assertThat(wave1.get(la))
          .containsEntry("base", "c")
          .containsEntry("agreeing", "c")
          .containsEntry("percent_agreeing", "c")
          .containsEntry("upper_ci", "c");
    }
    // R 4.2.2 prop.test(9, 15, correct = FALSE)$conf.int * 100 = 35.7468301206, 80.1755038587
    assertThat(wave1.get("926"))
        .containsEntry("base", "15")
        .containsEntry("percent_agreeing", "60.0")
        .containsEntry("lower_ci", "35.7")
        .containsEntry("upper_ci", "80.2");
    // R 4.2.2 prop.test(20, 34, correct = FALSE)$conf.int * 100 = 42.2215938788, 73.6340316361
    assertThat(wave1.get("Total"))
        .containsEntry("base", "30")
        .containsEntry("percent_agreeing", "58.8")
        .containsEntry("lower_ci", "42.2")
        .containsEntry("upper_ci", "73.6");
    // 855's wave-1 share is hidden, so its change (which would give it back) is hidden too
    assertThat(wave2.get("855"))
        .containsEntry("percent_agreeing", "83.3")
        .containsEntry("change_pp", "c")
        .containsEntry("change_lower_ci", "c");
    // statsmodels 0.13.5 confint_proportions_2indep(10, 12, 20, 34, method="newcomb",
    // compare="diff") * 100 = -7.28656508, 44.97706590; 10/12 - 20/34 = 24.5098 pp
    assertThat(wave2.get("Total"))
        .containsEntry("change_pp", "24.5")
        .containsEntry("change_lower_ci", "-7.3")
        .containsEntry("change_upper_ci", "45.0");
    // and survey_responses.csv does not publish the answers of the LA hidden second
    assertThat(
            read(publish.resolve(SurveyAnalysis.RESPONSES_FILE)).stream()
                .filter(r -> r.get("old_la_code").equals("855") && r.get("wave").equals("1"))
                .map(r -> r.get("percent"))
                .distinct())
        .containsExactly("c");
  }

  @Test
  void alphaReverseScoresNegativeItemsAndMatchesPsych() throws IOException {
    Path publish = temp.resolve("publish");
    SurveyAnalysis.run(
        survey(), LaGroups.of(List.of("855"), List.of()), DisclosureProfile.dfe(), publish);
    Map<String, String> relationship =
        read(publish.resolve(SurveyAnalysis.RELIABILITY_FILE)).stream()
            .filter(r -> r.get("scale").equals("relationship"))
            .findFirst()
            .orElseThrow()
            .toMap();
    // R 4.2.2, psych 2.2.9: m[,5] <- 6 - m[,5]; psych::alpha(m)$total: raw_alpha 0.958707584830,
    // std.alpha 0.958570783214 (12 complete cases; the 6 one-item respondents are excluded)
    assertThat(relationship)
        .containsEntry("complete_cases", "12")
        .containsEntry("cronbach_alpha", "0.96")
        .containsEntry("standardised_alpha", "0.96");
  }

  @Test
  void publishesTheFiveAnswersAsPercentagesWithSmallCountsHidden() throws IOException {
    Path publish = temp.resolve("publish");
    SurveyAnalysis.run(
        survey(), LaGroups.of(List.of("855"), List.of()), DisclosureProfile.dfe(), publish);
    List<CSVRecord> rows = read(publish.resolve(SurveyAnalysis.RESPONSES_FILE));
    Map<String, String> listened = new java.util.LinkedHashMap<>();
    rows.stream()
        .filter(r -> r.get("old_la_code").equals("855") && r.get("item").equals("fs_listened"))
        .forEach(r -> listened.put(r.get("response"), r.get("percent")));
    // fs_listened in 855: 1, 7, 3, 4, 3 of 18 valid answers; 7 / 18 = 38.9%; the others are 1-5
    // (DfE primary range), and each group of them keeps two or more hidden answers
    assertThat(listened)
        .containsExactly(
            Map.entry("strongly_disagree", "c"),
            Map.entry("disagree", "38.9"),
            Map.entry("neither", "c"),
            Map.entry("agree", "c"),
            Map.entry("strongly_agree", "c"));
    // 925 answered on a base of 8: no percentage, as in survey_items.csv
    assertThat(
            rows.stream()
                .filter(r -> r.get("old_la_code").equals("925"))
                .map(r -> r.get("percent"))
                .distinct())
        .containsExactly("c");
    assertThat(EesChecker.checkDirectory(publish).failures()).isEmpty();
    assertNoAnswerRecoverable(rows, read(publish.resolve(SurveyAnalysis.ITEMS_FILE)));
  }

  @Test
  void hidesASecondAnswerWhereOneCouldBeRecoveredFromTheMargins() {
    // 855: 0, 3, 10, 10, 10 (base 33; not agreeing 13 = 0 + 3 + 10 would give the 3 back);
    // 925: 6 in each answer, so the Total's 9 disagreeing minus 925's 6 would give it back too
    Map<String, LikertCounts> byLa =
        new TreeMap<>(
            Map.of(
                "855", new LikertCounts(0, 3, 10, 10, 10, 0, 0, 0),
                "925", new LikertCounts(6, 6, 6, 6, 6, 0, 0, 0)));
    Set<Cell> hidden = SurveyAnalysis.hiddenAnswers(byLa, Set.of(), DisclosureProfile.dfe());
    assertThat(hidden).contains(Cell.of("855", "disagree"));
    // each margin equation the published tables give (per unit: 1+2+3 = base - agreeing, 4+5 =
    // agreeing; per answer: Total = 855 + 925) has no hidden cell on its own
    List<List<Cell>> equations = new ArrayList<>();
    for (String unit : List.of("Total", "855", "925")) {
      equations.add(
          SurveyAnalysis.RESPONSES.subList(0, 3).stream().map(a -> Cell.of(unit, a)).toList());
      equations.add(
          SurveyAnalysis.RESPONSES.subList(3, 5).stream().map(a -> Cell.of(unit, a)).toList());
    }
    for (String answer : SurveyAnalysis.RESPONSES) {
      equations.add(
          List.of(Cell.of("Total", answer), Cell.of("855", answer), Cell.of("925", answer)));
    }
    for (List<Cell> equation : equations) {
      assertThat(equation.stream().filter(hidden::contains).count())
          .as("hidden cells of %s", equation)
          .isNotEqualTo(1);
    }
  }

  @Test
  void manySmallLasStillLeaveThePooledAnswersPublished() {
    // ten LAs of about 38 answers each, several answers of 1-5 per LA
    Map<String, LikertCounts> byLa = new TreeMap<>();
    for (int i = 0; i < 10; i++) {
      byLa.put(
          "LA" + i,
          new LikertCounts(1 + i % 4, 2 + i % 5, 6 + i % 3, 12 + i % 6, 14 - i % 4, 0, 0, 0));
    }
    Set<Cell> hidden = SurveyAnalysis.hiddenAnswers(byLa, Set.of(), DisclosureProfile.dfe());
    for (String answer : SurveyAnalysis.RESPONSES) {
      assertThat(hidden).doesNotContain(Cell.of("Total", answer));
    }
    List<List<Cell>> equations = new ArrayList<>();
    List<String> units = new ArrayList<>(byLa.keySet());
    units.add("Total");
    for (String unit : units) {
      equations.add(
          SurveyAnalysis.RESPONSES.subList(0, 3).stream().map(a -> Cell.of(unit, a)).toList());
      equations.add(
          SurveyAnalysis.RESPONSES.subList(3, 5).stream().map(a -> Cell.of(unit, a)).toList());
    }
    for (String answer : SurveyAnalysis.RESPONSES) {
      equations.add(units.stream().map(unit -> Cell.of(unit, answer)).toList());
    }
    for (List<Cell> equation : equations) {
      assertThat(equation.stream().filter(hidden::contains).count())
          .as("hidden cells of %s", equation)
          .isNotEqualTo(1);
    }
  }

  /**
   * An independent check of a published answers table: no published answer is a count of 1-5, and
   * no unit has exactly one hidden answer among 1-3 (base - agreeing) or 4-5 (agreeing), whose
   * margins survey_items.csv publishes.
   */
  private static void assertNoAnswerRecoverable(List<CSVRecord> answers, List<CSVRecord> items) {
    Map<String, String> baseOf = new java.util.HashMap<>();
    items.forEach(r -> baseOf.put(unitKey(r), r.get("base")));
    Map<String, List<String>> byUnit = new java.util.LinkedHashMap<>();
    answers.forEach(
        r -> byUnit.computeIfAbsent(unitKey(r), k -> new ArrayList<>()).add(r.get("percent")));
    assertThat(byUnit).isNotEmpty();
    byUnit.forEach(
        (unit, percents) -> {
          String base = baseOf.get(unit);
          for (String percent : percents) {
            if (!percent.equals("c") && !base.equals("c") && unit.contains(",Local authority,")) {
              long count = Math.round(Double.parseDouble(percent) * Long.parseLong(base) / 100);
              assertThat(count >= 1 && count <= 5)
                  .as("%s answer %s%% of %s is a count of 1-5", unit, percent, base)
                  .isFalse();
            }
          }
          assertThat(percents.subList(0, 3).stream().filter("c"::equals).count())
              .as(unit)
              .isNotEqualTo(1);
          assertThat(percents.subList(3, 5).stream().filter("c"::equals).count())
              .as(unit)
              .isNotEqualTo(1);
        });
  }

  private static String unitKey(CSVRecord r) {
    return String.join(
        ",",
        r.get("geographic_level"),
        r.get("old_la_code"),
        r.get("survey"),
        r.get("wave"),
        r.get("comparison_group"),
        r.get("item"));
  }
}
