package org.soseval.pipeline.emmie;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.soseval.pipeline.PipelineException;

/** The CMO file's checks: every problem names the file, the field and its line. */
class CmoTest {
  @TempDir Path temp;

  private static final String VALID =
      """
      configurations:
        - id: CMO-1
          context: Parents trust their worker
          mechanism_resource: Mapping in plain language
          mechanism_response: Shared understanding of the worries
          outcome: Fewer conferences
          outcomes: [icpc_rate]
          indicators: [family_survey.relationship]
          evidence:
            - {source: Sheehan et al. 2018, type: qualitative, note: better engagement}
          confidence: 2
          status: candidate
      """;

  private Path write(String text) throws IOException {
    return Files.writeString(temp.resolve("cmo.yaml"), text);
  }

  @Test
  void readsAValidFileAndTheExample() throws IOException {
    Cmo cmo = Cmo.load(write(VALID)).get(0);
    assertThat(cmo.outcomes()).containsExactly("icpc_rate");
    assertThat(cmo.confidence()).isEqualTo("2");
    assertThat(cmo.evidence()).hasSize(1);
    assertThat(Cmo.load(Path.of("../examples/cmo.yaml"))).hasSize(3);
  }

  @Test
  void aMisspeltOutcomesKeyIsRefusedNotReadAsEveryOutcome() throws IOException {
    Path file = write(VALID.replace("    outcomes: [icpc_rate]", "    outcomess: [icpc_rate]"));
    assertThatThrownBy(() -> Cmo.load(file))
        .isInstanceOf(PipelineException.class)
        .hasMessageContaining(
            "Invalid CMO file " + file + " at configurations[0].outcomess (line 7): unknown key");
  }

  @Test
  void aConfidenceOutsideTheEmmieScaleIsRefused() throws IOException {
    for (String confidence : java.util.List.of("very high", "7")) {
      Path file = write(VALID.replace("confidence: 2", "confidence: " + confidence));
      assertThatThrownBy(() -> Cmo.load(file))
          .isInstanceOf(PipelineException.class)
          .hasMessageContaining(
              "at configurations[0].confidence (line 11): '"
                  + confidence
                  + "' is not an EMMIE-Q level 0-4 or one of high, moderate, low");
    }
    assertThat(
            Cmo.load(write(VALID.replace("confidence: 2", "confidence: low"))).get(0).confidence())
        .isEqualTo("low");
  }

  @Test
  void aMissingFieldIsNamedWithItsConfiguration() throws IOException {
    Path file =
        write(VALID.replace("    mechanism_response: Shared understanding of the worries\n", ""));
    assertThatThrownBy(() -> Cmo.load(file))
        .isInstanceOf(PipelineException.class)
        .hasMessageContaining("at configurations[0].mechanism_response (line 2): missing");
  }

  @Test
  void anIndicatorMustBeASurveyScaleOfTheCatalogue() throws IOException {
    Path file = write(VALID.replace("family_survey.relationship", "family_survey.trust"));
    assertThatThrownBy(() -> Cmo.load(file))
        .isInstanceOf(PipelineException.class)
        .hasMessageContaining(
            "at configurations[0].indicators[0] (line 8): the family_survey has no"
                + " scale 'trust'");
  }

  @Test
  void evidenceMustBeAListOfSourcesWithAKnownType() throws IOException {
    Path text =
        write(
            VALID.replace(
                "    evidence:\n"
                    + "      - {source: Sheehan et al. 2018, type: qualitative, note: better"
                    + " engagement}\n",
                "    evidence: a review\n"));
    assertThatThrownBy(() -> Cmo.load(text))
        .isInstanceOf(PipelineException.class)
        .hasMessageContaining("at configurations[0].evidence (line 9): give a list");
    Path type = write(VALID.replace("type: qualitative", "type: anecdotal"));
    assertThatThrownBy(() -> Cmo.load(type))
        .isInstanceOf(PipelineException.class)
        .hasMessageContaining(
            "at configurations[0].evidence[0].type (line 10): 'anecdotal' is not");
  }
}
