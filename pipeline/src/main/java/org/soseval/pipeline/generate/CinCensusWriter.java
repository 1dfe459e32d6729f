package org.soseval.pipeline.generate;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.soseval.pipeline.generate.ChildHistory.Assessment;
import org.soseval.pipeline.generate.ChildHistory.CinEpisode;
import org.soseval.pipeline.generate.ChildHistory.CinPlan;
import org.soseval.pipeline.generate.ChildHistory.PreProceedings;
import org.soseval.pipeline.generate.ChildHistory.ProtectionPlan;
import org.soseval.pipeline.generate.ChildHistory.Section47;

/**
 * Writes one LA's CIN census for one collection year as the XML an LA submits, in the element order
 * and with the codes of that year's layout ({@code data-schemas/cin_census.yaml}). The census holds
 * every episode open at some point in the year, with what was known by 31 March: later closures,
 * authorisations and conferences are left out, to appear in next year's census.
 */
final class CinCensusWriter {
  private static final XMLOutputFactory FACTORY = XMLOutputFactory.newFactory();

  private final XMLStreamWriter xml;
  private final CensusYear census;
  private int depth;

  private CinCensusWriter(XMLStreamWriter xml, CensusYear census) {
    this.xml = xml;
    this.census = census;
  }

  /** Writes the census; returns the number of children written. */
  static int write(OutputStream out, String laCode, int year, List<ChildHistory> children)
      throws IOException {
    try {
      XMLStreamWriter xml = FACTORY.createXMLStreamWriter(out, "UTF-8");
      CinCensusWriter writer = new CinCensusWriter(xml, CensusYear.of(year));
      int written = writer.document(laCode, children);
      xml.close();
      return written;
    } catch (XMLStreamException e) {
      throw new IOException("Cannot write CIN census XML: " + e.getMessage(), e);
    }
  }

  private int document(String laCode, List<ChildHistory> children) throws XMLStreamException {
    xml.writeStartDocument("UTF-8", "1.0");
    open("Message");
    open("Header");
    open("CollectionDetails");
    leaf("Collection", "CIN");
    leaf("Year", Integer.toString(census.year()));
    leaf("ReferenceDate", census.end());
    close();
    open("Source");
    leaf("SourceLevel", "L");
    leaf("LEA", laCode);
    leaf("SoftwareCode", "sos-eval synthetic");
    leaf("Release", "1");
    leaf("SerialNo", "001");
    leaf("DateTime", census.end().plusDays(45) + "T09:00:00");
    close();
    close();
    open("Children");
    int written = 0;
    for (ChildHistory child : children) {
      List<CinEpisode> episodes = new ArrayList<>();
      for (CinEpisode episode : child.episodes) {
        if (census.overlaps(episode.referral, episode.closure)) {
          episodes.add(episode);
        }
      }
      if (!episodes.isEmpty()) {
        child(child, episodes);
        written++;
      }
    }
    close();
    close();
    xml.writeCharacters("\n");
    xml.writeEndDocument();
    return written;
  }

  private void child(ChildHistory child, List<CinEpisode> episodes) throws XMLStreamException {
    int year = census.year();
    boolean unborn = child.birthDate.isAfter(census.end());
    open("Child");
    open("ChildIdentifiers");
    leaf("LAchildID", child.id);
    if (child.upn != null) {
      leaf("UPN", child.upn);
    } else {
      leaf("UPNunknown", child.upnUnknownReason);
    }
    if (unborn) {
      leaf("ExpectedPersonBirthDate", child.expectedBirthDate);
    } else {
      leaf("PersonBirthDate", child.birthDate);
    }
    leaf(year <= 2024 ? "GenderCurrent" : "Sex", YearCodes.cinSex(child.sex, unborn, year));
    close();
    open("ChildCharacteristics");
    leaf("Ethnicity", child.ethnicity);
    if (!child.disabilities.isEmpty()) {
      open("Disabilities");
      for (String disability : child.disabilities) {
        leaf("Disability", disability);
      }
      close();
    }
    close();
    for (CinEpisode episode : episodes) {
      episode(episode);
    }
    close();
  }

  private void episode(CinEpisode episode) throws XMLStreamException {
    int year = census.year();
    open("CINdetails");
    leaf("CINreferralDate", episode.referral);
    leaf("ReferralSource", YearCodes.referralSource(episode.source, year));
    leaf("PrimaryNeedCode", episode.primaryNeed);
    LocalDate closure = census.known(episode.closure);
    if (closure != null) {
      leaf("CINclosureDate", closure);
      leaf("ReasonForClosure", YearCodes.closureReason(episode.closureReason, year));
    }
    if (census.known(episode.episodeLevelIcpc) != null) {
      leaf("DateOfInitialCPC", episode.episodeLevelIcpc);
    }
    for (Assessment assessment : episode.assessments) {
      if (census.overlaps(assessment.start(), assessment.authorised())) {
        assessment(assessment);
      }
    }
    for (CinPlan plan : episode.cinPlans) {
      if (census.overlaps(plan.start(), plan.end())) {
        open("CINPlanDates");
        leaf("CINPlanStartDate", plan.start());
        leafIfKnown("CINPlanEndDate", plan.end());
        close();
      }
    }
    for (Section47 enquiry : episode.section47s) {
      LocalDate lastEvent = enquiry.conference() != null ? enquiry.conference() : enquiry.start();
      if (census.overlaps(enquiry.start(), lastEvent)) {
        open("Section47");
        leaf("S47ActualStartDate", enquiry.start());
        leaf("InitialCPCtarget", enquiry.target());
        leafIfKnown("DateOfInitialCPC", enquiry.conference());
        leaf("ICPCnotRequired", Boolean.toString(enquiry.conferenceNotRequired()));
        close();
      }
    }
    leaf("ReferralNFA", Boolean.toString(episode.noFurtherAction));
    for (ProtectionPlan plan : episode.plans) {
      if (census.overlaps(plan.start(), plan.end())) {
        protectionPlan(plan);
      }
    }
    if (year >= 2026) {
      for (PreProceedings pre : episode.preProceedings) {
        if (census.overlaps(pre.start(), pre.initialMeeting())) {
          open("PreProceedingsandFGDM");
          leaf("PPStartDate", pre.start());
          leafIfKnown("LBPSentDate", pre.letterSent());
          leafIfKnown("InitialPPMeetingDate", pre.initialMeeting());
          close();
        }
      }
    }
    close();
  }

  private void assessment(Assessment assessment) throws XMLStreamException {
    open("Assessments");
    leaf("AssessmentActualStartDate", assessment.start());
    LocalDate authorised = census.known(assessment.authorised());
    if (authorised != null) {
      leaf("AssessmentAuthorisationDate", authorised);
      List<String> factors = new ArrayList<>();
      for (String factor : assessment.factors()) {
        String code = YearCodes.factor(factor, census.year());
        if (!factors.contains(code)) {
          factors.add(code);
        }
      }
      open("FactorsIdentifiedAtAssessment");
      for (String factor : factors) {
        leaf("AssessmentFactors", factor);
      }
      close();
    }
    close();
  }

  private void protectionPlan(ProtectionPlan plan) throws XMLStreamException {
    open("ChildProtectionPlans");
    leaf("CPPstartDate", plan.start());
    leafIfKnown("CPPendDate", plan.end());
    leaf("InitialCategoryOfAbuse", plan.initialCategory());
    leaf("LatestCategoryOfAbuse", plan.latestCategory());
    leaf("NumberOfPreviousCPP", Integer.toString(plan.previousPlans()));
    List<LocalDate> reviews = plan.reviews().stream().filter(census::contains).toList();
    if (!reviews.isEmpty()) {
      open("Reviews");
      for (LocalDate review : reviews) {
        leaf("CPPreviewDate", review);
      }
      close();
    }
    close();
  }

  private void open(String name) throws XMLStreamException {
    indent();
    xml.writeStartElement(name);
    depth++;
  }

  private void close() throws XMLStreamException {
    depth--;
    indent();
    xml.writeEndElement();
  }

  private void leaf(String name, LocalDate date) throws XMLStreamException {
    leaf(name, date.toString());
  }

  private void leafIfKnown(String name, LocalDate date) throws XMLStreamException {
    LocalDate known = census.known(date);
    if (known != null) {
      leaf(name, known);
    }
  }

  private void leaf(String name, String value) throws XMLStreamException {
    indent();
    xml.writeStartElement(name);
    xml.writeCharacters(value);
    xml.writeEndElement();
  }

  private void indent() throws XMLStreamException {
    xml.writeCharacters("\n");
    for (int i = 0; i < depth; i++) {
      xml.writeCharacters("  ");
    }
  }
}
