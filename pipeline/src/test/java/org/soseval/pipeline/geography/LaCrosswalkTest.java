package org.soseval.pipeline.geography;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.soseval.pipeline.panel.PublicData;
import org.soseval.pipeline.panel.PublishedCsv;
import org.soseval.pipeline.panel.PublishedValue;

class LaCrosswalkTest {
  @Test
  void bcpTakesBournemouthPooleAndPartOfDorset() {
    LaCodeEntry bcp = LaCrosswalk.byOldCode("839", 2020).orElseThrow();
    assertThat(bcp.newLaCode()).isEqualTo("E06000058");
    assertThat(bcp.name()).isEqualTo("Bournemouth, Christchurch and Poole");
    assertThat(bcp.predecessors()).containsExactly("835", "836", "837");
    assertThat(LaCrosswalk.byOldCode("839", 2019)).isEmpty();
    assertThat(LaCrosswalk.byOldCode("837", 2019).orElseThrow().successors())
        .containsExactly("839");
    assertThat(LaCrosswalk.byOldCode("838", 2020).orElseThrow().predecessors())
        .containsExactly("835");
  }

  @Test
  void buckinghamshireKeepsItsCodeButChangesGssIn2021() {
    assertThat(LaCrosswalk.byOldCode("825", 2020).orElseThrow().newLaCode()).isEqualTo("E10000002");
    assertThat(LaCrosswalk.byOldCode("825", 2021).orElseThrow().newLaCode()).isEqualTo("E06000060");
    assertThat(LaCrosswalk.byNewCode("E06000060").orElseThrow().predecessors())
        .containsExactly("825");
  }

  @Test
  void northamptonshireAndCumbriaSplit() {
    assertThat(LaCrosswalk.byOldCode("928", 2021)).isPresent();
    assertThat(LaCrosswalk.byOldCode("928", 2022)).isEmpty();
    assertThat(LaCrosswalk.byOldCode("928").orElseThrow().successors())
        .containsExactly("940", "941");
    assertThat(LaCrosswalk.allPredecessors("941")).containsExactly("928");
    assertThat(LaCrosswalk.byOldCode("909", 2023).orElseThrow().successors())
        .containsExactly("942", "943");
    assertThat(LaCrosswalk.byOldCode("942", 2024).orElseThrow().name()).isEqualTo("Cumberland");
    assertThat(LaCrosswalk.byOldCode("943", 2024).orElseThrow().name())
        .isEqualTo("Westmorland and Furness");
  }

  @Test
  void coversEveryLaRowOfEveryPublishedCinFileAndTheOnsFile() {
    for (String file :
        new String[] {
          "dfe/b1_children_in_need_2013_to_2025.csv",
          "dfe/c4_children_in_need_section_47s_and_icpcs_2013_to_2025.csv",
          "dfe/d3_cpps_subsequent_plan_2013_to_2025.csv",
          "dfe/cla_number_and_rate_per_10k_children_2021_to_2025.csv",
          "dfe/cla_number_and_rate_per_10k_children_2019_to_2023.csv"
        }) {
      Set<String> unknown = new TreeSet<>();
      Set<String> notApplicable = new TreeSet<>();
      PublishedCsv csv = PublishedCsv.read(PublicData.file(file), PublishedValue.Convention.EES);
      for (PublishedCsv.Row row : csv.rows()) {
        if (!"Local authority".equals(row.text("geographic_level"))) {
          continue;
        }
        int year = Integer.parseInt(row.text("time_period"));
        LaCodeEntry entry = LaCrosswalk.byOldCode(row.text("old_la_code"), year).orElse(null);
        String where =
            year
                + " "
                + row.text("old_la_code")
                + " "
                + row.text("new_la_code")
                + " "
                + row.text("la_name");
        String count =
            csv.hasColumn("children_count")
                ? "children_count"
                : csv.hasColumn("number") ? "number" : null;
        if (count != null
            && "z".equals(row.text(count))
            && !row.value("population_estimate").isPresent()) {
          // the CLA releases complete the matrix: an LA-year before the LA existed or after it was
          // abolished is a row of z (e.g. 942 Cumberland 2021, 928 Northamptonshire 2025)
          // (and 815 North Yorkshire's unitary code E06000065 is z until 2024)
          if (entry != null && entry.hasNewCode(row.text("new_la_code"))) {
            notApplicable.add(where);
          }
          continue;
        }
        // later releases relabel earlier years with the LA's current GSS code (the 2021-2025 CLA
        // release gives North Yorkshire 2021 E06000065), so any GSS code of the same LA is accepted
        boolean knownCode =
            LaCrosswalk.entries().stream()
                .anyMatch(
                    e ->
                        e.oldLaCode().equals(row.text("old_la_code"))
                            && e.hasNewCode(row.text("new_la_code")));
        if (entry == null || !knownCode || !entry.name().equals(row.text("la_name"))) {
          unknown.add(where);
        }
      }
      assertThat(notApplicable)
          .as(file + ": z rows for LA-years the crosswalk says existed")
          .isEmpty();
      assertThat(unknown).as(file).isEmpty();
    }
    assertThat(LaCrosswalk.validIn(2013)).hasSize(152);
    assertThat(LaCrosswalk.validIn(2025)).hasSize(153);
  }
}
