package org.soseval.pipeline.instruments;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.soseval.pipeline.privacy.PseudonymKey;
import org.soseval.pipeline.privacy.Pseudonymiser;
import org.soseval.pipeline.publish.EesChecker;
import org.soseval.pipeline.stats.disclosure.DisclosureProfile;

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

  private static List<CSVRecord> read(Path file) throws IOException {
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
}
