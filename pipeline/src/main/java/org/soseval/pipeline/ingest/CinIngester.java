package org.soseval.pipeline.ingest;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.soseval.pipeline.ingest.CinLayout.TableInfo;
import org.soseval.pipeline.lake.LakeRow;
import org.soseval.pipeline.lake.LakeTable;
import org.soseval.pipeline.privacy.Degrade;
import org.soseval.pipeline.privacy.Pseudonymiser;
import org.soseval.pipeline.schemas.Code;
import org.soseval.pipeline.schemas.FieldType;
import org.soseval.pipeline.schemas.IdentifierClass;
import org.soseval.pipeline.schemas.IngestSpec;
import org.soseval.pipeline.schemas.XmlElement;
import org.soseval.pipeline.schemas.XmlSchema;

/**
 * Reads one CIN census XML into the normalised tables: checks each record against the schema of its
 * collection year (types, code lists, cardinality) and the DfE rules in the schema's {@code
 * rules:}, pseudonymises identifiers, derives ages before reducing dates of birth, and sends each
 * record to the lake or, with its reasons, to the quarantine.
 */
final class CinIngester {
  /** What the header of a file said. */
  record Header(int year, LocalDate referenceDate, Optional<String> la, List<String> warnings) {}

  private final XmlSchema schema;
  private final IngestSpec spec;
  private final CinLayout layout;
  private final Pseudonymiser pseudonymiser;
  // compiled once: a national file checks millions of values against a few patterns and lists
  private final Map<String, Pattern> patterns = new ConcurrentHashMap<>();
  private final Map<String, Map<String, Code>> codeLists = new ConcurrentHashMap<>();

  CinIngester(XmlSchema schema, IngestSpec spec, CinLayout layout, Pseudonymiser pseudonymiser) {
    this.schema = schema;
    this.spec = spec;
    this.layout = layout;
    this.pseudonymiser = pseudonymiser;
  }

  /**
   * Reads {@code file}; {@code laFromPath} is used when the header has no LEA. Returns the header.
   */
  Header ingest(Path file, String sourceName, Optional<String> laFromPath, RowSink sink)
      throws FileRejected {
    CinXmlReader reader = new CinXmlReader(schema, spec);
    Header[] header = new Header[1];
    DateCache dates = new DateCache();
    reader.read(
        file,
        new CinXmlReader.Handler() {
          @Override
          public void header(Map<String, String> values) throws FileRejected {
            header[0] = CinIngester.this.header(values, laFromPath);
          }

          @Override
          public void child(RawRecord child) {
            new ChildCheck(header[0], sourceName, child, sink, dates).run();
          }
        });
    return header[0];
  }

  private Header header(Map<String, String> values, Optional<String> laFromPath)
      throws FileRejected {
    String collection = values.getOrDefault("Collection", "");
    if (!collection.equals("CIN")) {
      throw new FileRejected(
          "its Header/CollectionDetails/Collection is '"
              + collection
              + "', not 'CIN': not a CIN census file");
    }
    String reference = values.getOrDefault("ReferenceDate", "");
    LocalDate referenceDate =
        Values.date(reference, false)
            .orElseThrow(
                () ->
                    new FileRejected(
                        "its Header/CollectionDetails/ReferenceDate '"
                            + reference
                            + "' is not a date (yyyy-mm-dd), so its collection year is unknown"));
    int year = referenceDate.getYear();
    List<String> warnings = new ArrayList<>();
    if (!schema.years().contains(year)) {
      throw new FileRejected(
          String.format(
              Locale.ROOT,
              "its ReferenceDate %s gives collection year %d, outside the years the schema"
                  + " covers (%d-%d)",
              referenceDate,
              year,
              schema.years().first(),
              schema.years().last()));
    }
    Optional<String> la =
        Optional.ofNullable(values.get("LEA")).filter(code -> code.matches("\\d{3}"));
    if (la.isPresent() && laFromPath.isPresent() && !la.equals(laFromPath)) {
      warnings.add(
          "the header's LEA "
              + la.get()
              + " differs from the folder name "
              + laFromPath.get()
              + "; the header wins");
    }
    if (la.isEmpty()) {
      la = laFromPath;
    }
    if (la.isEmpty()) {
      throw new FileRejected(
          "its header has no 3-digit LEA and no folder on its path is a 3-digit LA code; put the"
              + " file in a folder named by the LA code (e.g. 855/)");
    }
    return new Header(year, referenceDate, la, warnings);
  }

  /**
   * The dates of one file's text, each parsed once: a census repeats the same few thousand days
   * across millions of fields, and each key date is read by several rules.
   */
  private static final class DateCache {
    private static final int LIMIT = 100_000;
    private final Map<String, Optional<LocalDate>> parsed = new HashMap<>();

    Optional<LocalDate> date(String text) {
      Optional<LocalDate> date = parsed.get(text);
      if (date == null) {
        if (parsed.size() >= LIMIT) {
          parsed.clear();
        }
        date = Values.date(text, false);
        parsed.put(text, date);
      }
      return date;
    }
  }

  /** The checks and the output of one child and everything nested in it. */
  private final class ChildCheck {
    private final Header header;
    private final String sourceName;
    private final RawRecord child;
    private final RowSink sink;
    private final int year;
    private final LocalDate censusStart;
    private final Map<RawRecord, List<Violation>> violations = new LinkedHashMap<>();
    private final Map<RawRecord, Integer> ordinals = new HashMap<>();
    private final Map<RawRecord, Optional<LocalDate>> keyDates = new IdentityHashMap<>();
    private final DateCache dates;

    ChildCheck(Header header, String sourceName, RawRecord child, RowSink sink, DateCache dates) {
      this.header = header;
      this.sourceName = sourceName;
      this.child = child;
      this.sink = sink;
      this.year = header.year();
      this.censusStart = LocalDate.of(year - 1, 4, 1);
      this.dates = dates;
    }

    void run() {
      List<RawRecord> records = child.flatten();
      for (RawRecord record : records) {
        List<Violation> found = new ArrayList<>(record.violations);
        checkFields(record, found);
        violations.put(record, found);
      }
      episodeRules(records);
      cpPlanOverlap(records);
      propagateKeys(records);
      Optional<String> childId = child.value(spec.childId());
      String childKey =
          childId.map(id -> pseudonymiser.child(header.la().orElseThrow(), id)).orElse(null);
      Optional<LocalDate> birth = child.value("PersonBirthDate").flatMap(dates::date);
      for (RawRecord record : records) {
        emit(record, childKey, birth);
      }
    }

    private void checkFields(RawRecord record, List<Violation> found) {
      TableInfo table = layout.table(record.table);
      if (!table.element().years().contains(year)) {
        found.add(
            new Violation(
                table.element().name(),
                "FIELD_NOT_IN_YEAR",
                String.format(
                    Locale.ROOT,
                    "<%s> is not part of the CIN census in collection year %d",
                    table.element().name(),
                    year)));
      }
      for (XmlElement leaf : table.leaves()) {
        Optional<String> value = record.value(leaf.name());
        boolean valid = leaf.years().contains(year);
        if (value.isEmpty()) {
          if (valid && table.requiredLeaves().get(leaf.name()) && !leaf.equals(table.element())) {
            found.add(
                new Violation(
                    leaf.name(),
                    "REQUIRED",
                    String.format(
                        Locale.ROOT,
                        "%s is required in collection year %d but missing",
                        leaf.name(),
                        year)));
          } else if (leaf.equals(table.element()) && valid) {
            found.add(new Violation(leaf.name(), "REQUIRED", leaf.name() + " is empty"));
          }
          continue;
        }
        if (!valid) {
          found.add(
              new Violation(
                  leaf.name(),
                  "FIELD_NOT_IN_YEAR",
                  String.format(
                      Locale.ROOT,
                      "<%s> is not part of the CIN census in collection year %d",
                      leaf.name(),
                      year)));
          continue;
        }
        checkValue(leaf, value.get()).ifPresent(found::add);
      }
    }

    private Optional<Violation> checkValue(XmlElement leaf, String value) {
      String name = leaf.name();
      boolean identifying = leaf.identifier() != IdentifierClass.NONE;
      String shown = identifying ? "" : " '" + value + "'";
      FieldType type = leaf.type().orElseThrow();
      switch (type) {
        case DATE -> {
          Optional<LocalDate> date = dates.date(value);
          if (date.isEmpty()) {
            return Optional.of(
                new Violation(name, "TYPE_DATE", name + shown + " is not a date (yyyy-mm-dd)"));
          }
          if (date.get().isAfter(header.referenceDate())
              && !spec.futureDatesAllowed().contains(name)) {
            return Optional.of(
                new Violation(
                    name,
                    "DATE_AFTER_CENSUS_END",
                    String.format(
                        Locale.ROOT,
                        "%s%s is after the census reference date %s",
                        name,
                        identifying ? "" : " " + date.get(),
                        header.referenceDate())));
          }
        }
        case INTEGER, YEAR -> {
          Optional<Integer> number = Values.integer(value);
          if (number.isEmpty()) {
            return Optional.of(
                new Violation(name, "TYPE_INTEGER", name + shown + " is not a whole number"));
          }
          if (type == FieldType.INTEGER && number.get() < 0) {
            return Optional.of(
                new Violation(name, "INTEGER_NEGATIVE", name + shown + " must not be negative"));
          }
        }
        case BOOLEAN -> {
          if (Values.bool(value).isEmpty()) {
            return Optional.of(
                new Violation(name, "TYPE_BOOLEAN", name + shown + " is not true/false/1/0"));
          }
        }
        case CODE -> {
          String list = leaf.codeList().orElseThrow();
          Code code = codes(list).get(value);
          if (code == null || !code.years().contains(year)) {
            return Optional.of(
                new Violation(
                    name,
                    "CODE_NOT_IN_LIST",
                    String.format(
                        Locale.ROOT,
                        "%s%s is not a valid %s code in collection year %d",
                        name,
                        shown,
                        list,
                        year)));
          }
        }
        case STRING, DATETIME -> {
          if (leaf.pattern().isPresent()
              && !patterns
                  .computeIfAbsent(leaf.pattern().get(), Pattern::compile)
                  .matcher(value)
                  .matches()) {
            return Optional.of(
                new Violation(
                    name, "PATTERN", name + shown + " does not match " + leaf.pattern().get()));
          }
          if (leaf.fixed().isPresent() && !leaf.fixed().get().equals(value)) {
            return Optional.of(
                new Violation(name, "PATTERN", name + shown + " must be " + leaf.fixed().get()));
          }
        }
      }
      return Optional.empty();
    }

    private Optional<LocalDate> date(RawRecord record, String name) {
      return record.value(name).flatMap(dates::date);
    }

    private Optional<LocalDate> keyDate(RawRecord record) {
      Optional<LocalDate> key = keyDates.get(record);
      if (key == null) {
        key = spec.key(record.table).flatMap(keySpec -> date(record, keySpec.field()));
        keyDates.put(record, key);
      }
      return key;
    }

    private void episodeRules(List<RawRecord> records) {
      for (RawRecord episode : records) {
        if (!episode.table.equals("episode")) {
          continue;
        }
        List<Violation> found = violations.get(episode);
        boolean closed = episode.value("CINclosureDate").isPresent();
        boolean reason = episode.value("ReasonForClosure").isPresent();
        if (closed && !reason) {
          found.add(
              new Violation(
                  "ReasonForClosure",
                  "CIN_CLOSURE_WITHOUT_REASON",
                  "CINclosureDate is given but ReasonForClosure is missing"));
        } else if (reason && !closed) {
          found.add(
              new Violation(
                  "CINclosureDate",
                  "CIN_REASON_WITHOUT_CLOSURE",
                  "ReasonForClosure is given but CINclosureDate is missing"));
        }
        Optional<LocalDate> referral = date(episode, "CINreferralDate");
        List<LocalDate> conferences = new ArrayList<>();
        date(episode, "DateOfInitialCPC").ifPresent(conferences::add);
        for (RawRecord sub : episode.children) {
          if (sub.table.equals("section47")) {
            date(sub, "DateOfInitialCPC").ifPresent(conferences::add);
          }
        }
        for (RawRecord sub : episode.children) {
          Optional<LocalDate> start = keyDate(sub);
          String field = spec.key(sub.table).map(IngestSpec.KeySpec::field).orElse("");
          if (referral.isPresent() && start.isPresent() && start.get().isBefore(referral.get())) {
            violations
                .get(sub)
                .add(
                    new Violation(
                        field,
                        "CIN_DATE_BEFORE_REFERRAL",
                        String.format(
                            Locale.ROOT,
                            "%s %s is before the episode's CINreferralDate %s",
                            field,
                            start.get(),
                            referral.get())));
          }
          if (sub.table.equals("cp_plan")
              && start.isPresent()
              && !start.get().isBefore(censusStart)
              && !conferences.contains(start.get())) {
            violations
                .get(sub)
                .add(
                    new Violation(
                        "CPPstartDate",
                        "CIN_CPP_START_NOT_ICPC",
                        String.format(
                            Locale.ROOT,
                            "CPPstartDate %s equals no initial child protection conference date of"
                                + " the episode (%s)",
                            start.get(),
                            conferences.isEmpty() ? "none recorded" : conferences)));
          }
        }
      }
    }

    private void cpPlanOverlap(List<RawRecord> records) {
      List<RawRecord> plans =
          records.stream()
              .filter(record -> record.table.equals("cp_plan") && keyDate(record).isPresent())
              .toList();
      for (int i = 0; i < plans.size(); i++) {
        RawRecord plan = plans.get(i);
        LocalDate start = keyDate(plan).orElseThrow();
        if (start.isBefore(censusStart)) {
          continue;
        }
        for (int j = 0; j < plans.size(); j++) {
          RawRecord other = plans.get(j);
          LocalDate otherStart = keyDate(other).orElseThrow();
          boolean earlier = otherStart.isBefore(start) || (otherStart.equals(start) && j < i);
          if (i == j || !earlier) {
            continue;
          }
          Optional<LocalDate> otherEnd = date(other, "CPPendDate");
          if (otherEnd.isEmpty() || otherEnd.get().isAfter(start)) {
            violations
                .get(plan)
                .add(
                    new Violation(
                        "CPPstartDate",
                        "CIN_CPP_OVERLAP",
                        String.format(
                            Locale.ROOT,
                            "the plan starting %s overlaps the child's plan starting %s (%s)",
                            start,
                            otherStart,
                            otherEnd.map(end -> "ended " + end).orElse("not ended"))));
            break;
          }
        }
      }
    }

    /** A record whose enclosing record has no valid key date cannot be keyed: quarantine it. */
    private void propagateKeys(List<RawRecord> records) {
      boolean childIdMissing = child.value(spec.childId()).isEmpty();
      for (RawRecord record : records) {
        if (record == child) {
          continue;
        }
        if (childIdMissing) {
          violations
              .get(record)
              .add(
                  new Violation(
                      spec.childId(),
                      "REQUIRED",
                      "the child has no " + spec.childId() + ", so this record cannot be keyed"));
          continue;
        }
        for (RawRecord parent = record.parent;
            parent != null && parent != child;
            parent = parent.parent) {
          if (keyDate(parent).isEmpty()) {
            String field = spec.key(parent.table).map(IngestSpec.KeySpec::field).orElse("key");
            violations
                .get(record)
                .add(
                    new Violation(
                        field,
                        "PARENT_KEY_MISSING",
                        "the enclosing " + parent.table + " has no valid " + field));
            break;
          }
        }
      }
    }

    private int ordinal(RawRecord episode) {
      return ordinals.computeIfAbsent(
          episode,
          target -> {
            int count = 0;
            String date = target.value("CINreferralDate").orElse("");
            for (RawRecord sibling : target.parent.children) {
              if (sibling.table.equals("episode")
                  && sibling.value("CINreferralDate").orElse("").equals(date)) {
                count++;
              }
              if (sibling == target) {
                break;
              }
            }
            return count;
          });
    }

    private void emit(RawRecord record, String childKey, Optional<LocalDate> birth) {
      TableInfo table = layout.table(record.table);
      LakeTable lake = table.lake();
      Object[] values = new Object[lake.columns().size()];
      int column = 0;
      values[column++] = year;
      values[column++] = childKey;
      List<RawRecord> chain = new ArrayList<>();
      for (RawRecord parent = record == child ? null : record.parent;
          parent != null && parent != child;
          parent = parent.parent) {
        chain.add(0, parent);
      }
      for (RawRecord ancestor : chain) {
        values[column++] = keyDate(ancestor).orElse(null);
        if (ancestor.table.equals("episode")) {
          values[column++] = ordinal(ancestor);
        }
      }
      List<Violation> found = violations.get(record);
      int leavesFrom = column;
      for (XmlElement leaf : table.leaves()) {
        if (CinLayout.columnName(leaf, spec).isEmpty()) {
          continue;
        }
        Optional<String> text = record.value(leaf.name());
        boolean fieldFailed =
            !found.isEmpty() && found.stream().anyMatch(v -> v.field().equals(leaf.name()));
        values[column++] = text.isEmpty() ? null : convert(leaf, text.get(), fieldFailed);
      }
      if (record.table.equals("episode")) {
        values[column++] = ordinal(record);
      }
      if (spec.key(record.table).isPresent()) {
        Optional<LocalDate> key = keyDate(record);
        Integer age =
            birth.isPresent() && key.isPresent()
                ? Degrade.ageInYears(birth.get(), key.get()).orElse(null)
                : null;
        values[column++] = age;
      }
      String la = header.la().orElseThrow();
      if (found.isEmpty()) {
        sink.accept(new LakeRow(lake, la, year, values));
      } else {
        sink.quarantine(
            Quarantine.row(
                lake.folder(),
                la,
                year,
                sourceName,
                record.location,
                found,
                shown(record, childKey, chain, table, values, leavesFrom)));
      }
    }

    /** A quarantined record's values as the quarantine shows them (identifiers withheld). */
    private Map<String, String> shown(
        RawRecord record,
        String childKey,
        List<RawRecord> chain,
        TableInfo table,
        Object[] values,
        int leavesFrom) {
      Map<String, String> shown = new LinkedHashMap<>();
      shown.put("child_key", childKey == null ? "" : childKey);
      for (RawRecord ancestor : chain) {
        LocalDate key = keyDate(ancestor).orElse(null);
        shown.put(spec.key(ancestor.table).orElseThrow().as(), key == null ? "" : key.toString());
      }
      int column = leavesFrom;
      for (XmlElement leaf : table.leaves()) {
        String name = CinLayout.columnName(leaf, spec);
        if (name.isEmpty()) {
          continue;
        }
        shown.put(name, display(leaf, record.value(leaf.name()), values[column++]));
      }
      return shown;
    }

    /** The codes of {@code list} by code (the first entry of a code wins, as in the schema). */
    private Map<String, Code> codes(String list) {
      return codeLists.computeIfAbsent(
          list,
          name -> {
            Map<String, Code> byCode = new HashMap<>();
            for (Code code : schema.codeList(name).codes()) {
              byCode.putIfAbsent(code.code(), code);
            }
            return byCode;
          });
    }

    private Object convert(XmlElement leaf, String text, boolean failed) {
      if (leaf.identifier() == IdentifierClass.PSEUDONYMISE) {
        return pseudonymiser.national(
            leaf.name().toLowerCase(Locale.ROOT).contains("upn") ? "upn" : leaf.name(), text);
      }
      if (failed) {
        return null;
      }
      return switch (leaf.type().orElseThrow()) {
        case DATE -> {
          LocalDate date = dates.date(text).orElse(null);
          yield date != null && leaf.identifier() == IdentifierClass.DATE_OF_BIRTH
              ? Degrade.firstOfMonth(date)
              : date;
        }
        case INTEGER, YEAR -> Values.integer(text).orElse(null);
        case BOOLEAN -> Values.bool(text).orElse(null);
        case STRING, CODE, DATETIME -> text;
      };
    }

    private String display(XmlElement leaf, Optional<String> text, Object converted) {
      if (text.isEmpty()) {
        return "";
      }
      if (converted != null) {
        return converted.toString();
      }
      return switch (leaf.identifier()) {
        case PSEUDONYMISE, DATE_OF_BIRTH, POSTCODE, DIRECT -> "(invalid value withheld)";
        case NONE -> text.get();
      };
    }
  }
}
