package org.soseval.pipeline.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SchemaRegistryTest {
  private final XmlSchema cin = SchemaRegistry.cinCensus();
  private final CsvSchema ssda903 = SchemaRegistry.ssda903();

  @Test
  void cinChildIdentifiersSwitchFromGenderCurrentToSexIn2025() {
    XmlElement identifiers = cin.element("Message/Children/Child/ChildIdentifiers").orElseThrow();
    assertThat(identifiers.childrenIn(2024))
        .extracting(XmlElement::name)
        .contains("GenderCurrent")
        .doesNotContain("Sex");
    assertThat(identifiers.childrenIn(2025))
        .extracting(XmlElement::name)
        .contains("Sex")
        .doesNotContain("GenderCurrent");
  }

  @Test
  void cinDetailsFollowTheXsdSequence() {
    XmlElement episode = cin.element("Message/Children/Child/CINdetails").orElseThrow();
    assertThat(episode.childrenIn(2026))
        .extracting(XmlElement::name)
        .containsExactly(
            "CINreferralDate",
            "ReferralSource",
            "PrimaryNeedCode",
            "CINclosureDate",
            "ReasonForClosure",
            "DateOfInitialCPC",
            "Assessments",
            "CINPlanDates",
            "Section47",
            "ReferralNFA",
            "ChildProtectionPlans",
            "PreProceedingsandFGDM");
    assertThat(episode.childrenIn(2025))
        .extracting(XmlElement::name)
        .doesNotContain("PreProceedingsandFGDM");
  }

  @Test
  void codeValidityFollowsTheCollectionYear() {
    CodeList factors = cin.codeList("AssessmentFactors");
    assertThat(factors.isValid("18A", 2020)).isTrue();
    assertThat(factors.isValid("18A", 2021)).isFalse();
    assertThat(factors.isValid("18B", 2020)).isFalse();
    assertThat(factors.isValid("18B", 2021)).isTrue();
    assertThat(cin.codeList("ReferralSource").isValid("5D", 2022)).isFalse();
    assertThat(cin.codeList("ReferralSource").isValid("5D", 2023)).isTrue();
    assertThat(ssda903.codeList("PLACE").isValid("K3", 2024)).isFalse();
    assertThat(ssda903.codeList("PLACE").isValid("K3", 2025)).isTrue();
    assertThat(ssda903.codeList("REC").isValid("E45", 2019)).isFalse();
  }

  @Test
  void everyNormalisedCinTableIsMarked() {
    assertThat(cin.tableElements())
        .extracting(element -> element.table().orElseThrow())
        .containsExactly(
            "child",
            "disability",
            "episode",
            "assessment",
            "assessment_factor",
            "cin_plan",
            "section47",
            "cp_plan",
            "cp_plan_review",
            "pre_proceedings");
  }

  @Test
  void ssda903EpisodesHaveTheReturnColumnsInOrder() {
    assertThat(ssda903.table("episodes").columnNamesIn(2020))
        .containsExactly(
            "CHILD",
            "DECOM",
            "RNE",
            "LS",
            "CIN",
            "PLACE",
            "PLACE_PROVIDER",
            "DEC",
            "REC",
            "REASON_PLACE_CHANGE",
            "HOME_POST",
            "PL_POST",
            "URN");
  }
}
