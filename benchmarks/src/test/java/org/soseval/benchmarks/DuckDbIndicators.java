package org.soseval.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;
import org.soseval.pipeline.calendar.WorkingDays;

/**
 * The indicators of {@code la_indicators.csv} recomputed with DuckDB SQL over the same lake, as an
 * independent peer of the Spark + Java derivation: the same definitions (docs/indicators-lake.md),
 * written as set-based SQL (window functions for versions and periods of care, a calendar table for
 * working days, {@code quantile_cont} for R type-7 medians, {@code INTERVAL 12 MONTH} with DuckDB's
 * own month-end clamping).
 */
final class DuckDbIndicators {
  private DuckDbIndicators() {}

  /** Values by "la/year" and then by column (counts and medians; no rates). */
  static Map<String, Map<String, Double>> compute(Path lake, Path scratch) {
    try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
        Statement sql = connection.createStatement()) {
      sql.execute("SET preserve_insertion_order = false");
      calendar(sql, scratch);
      for (String table :
          new String[] {
            "cin_episode", "cin_assessment", "cin_section47", "cin_cp_plan", "ssda903_episodes"
          }) {
        sql.execute(
            "CREATE VIEW "
                + table
                + " AS SELECT * FROM read_parquet('"
                + lake.resolve(table).toAbsolutePath()
                + "/**/*.parquet', hive_partitioning = true,"
                + " hive_types = {'la': VARCHAR, 'year': INTEGER})");
      }
      sql.execute(
          "CREATE MACRO ry(d) AS CASE WHEN month(d) >= 4 THEN year(d) + 1 ELSE year(d) END");
      sql.execute("CREATE MACRO m31(y) AS make_date(y, 3, 31)");
      sql.execute(
          "CREATE TABLE coverage AS SELECT DISTINCT la, year AS y FROM cin_episode UNION"
              + " SELECT DISTINCT la, year FROM ssda903_episodes");
      sql.execute(
          "CREATE TABLE years AS SELECT range AS y FROM range((SELECT min(y) FROM coverage),"
              + " (SELECT max(y) FROM coverage) + 1)");
      // one version per record: the latest collection year, then the most complete. Episodes are
      // keyed on (referral date, ordinal) as each file numbers them; the Spark job also re-matches
      // same-day referrals across files (CinHistory.uniqueEpisodes), which only matters when a
      // child has two referrals on one day: the generator never writes them
      sql.execute(
          "CREATE TABLE ep AS SELECT * FROM (SELECT la, child_key, collection_year,"
              + " CINreferralDate AS d, CINclosureDate AS e, DateOfInitialCPC AS c,"
              + " row_number() OVER (PARTITION BY la, child_key, CINreferralDate, episode_ordinal"
              + " ORDER BY collection_year DESC, CINclosureDate IS NOT NULL DESC,"
              + " CINclosureDate DESC, DateOfInitialCPC IS NOT NULL DESC, DateOfInitialCPC DESC)"
              + " AS v FROM cin_episode WHERE CINreferralDate IS NOT NULL) WHERE v = 1");
      sql.execute(
          "CREATE TABLE asm AS SELECT * FROM (SELECT la, child_key,"
              + " AssessmentActualStartDate AS d, AssessmentAuthorisationDate AS e,"
              + " row_number() OVER (PARTITION BY la, child_key, AssessmentActualStartDate"
              + " ORDER BY collection_year DESC, AssessmentAuthorisationDate IS NOT NULL DESC,"
              + " AssessmentAuthorisationDate DESC) AS v FROM cin_assessment"
              + " WHERE AssessmentActualStartDate IS NOT NULL) WHERE v = 1");
      sql.execute(
          "CREATE TABLE s47 AS SELECT * FROM (SELECT la, child_key, S47ActualStartDate AS d,"
              + " DateOfInitialCPC AS c, row_number() OVER (PARTITION BY la, child_key,"
              + " S47ActualStartDate ORDER BY collection_year DESC, DateOfInitialCPC IS NOT NULL"
              + " DESC, DateOfInitialCPC DESC) AS v FROM cin_section47"
              + " WHERE S47ActualStartDate IS NOT NULL) WHERE v = 1");
      sql.execute(
          "CREATE TABLE cpp AS SELECT * FROM (SELECT la, child_key, collection_year,"
              + " CPPstartDate AS d, CPPendDate AS e, NumberOfPreviousCPP AS n,"
              + " row_number() OVER (PARTITION BY la, child_key, CPPstartDate ORDER BY"
              + " collection_year DESC, CPPendDate IS NOT NULL DESC, CPPendDate DESC,"
              + " NumberOfPreviousCPP DESC) AS v FROM cin_cp_plan WHERE CPPstartDate IS NOT NULL)"
              + " WHERE v = 1");
      sql.execute(
          "CREATE TABLE care AS SELECT *, DEC IS NOT NULL AND coalesce(REC, '') NOT IN ('',"
              + " 'X1') AS ends FROM (SELECT la, child_key, collection_year, DECOM, RNE, LS, DEC,"
              + " REC, row_number() OVER (PARTITION BY la, child_key, DECOM ORDER BY"
              + " collection_year DESC, DEC IS NOT NULL DESC, DEC DESC, REC IS NOT NULL DESC)"
              + " AS v FROM ssda903_episodes WHERE DECOM IS NOT NULL) WHERE v = 1 AND"
              + " coalesce(LS, '') NOT IN ('V3', 'V4')");
      sql.execute(
          "CREATE TABLE care_p AS SELECT *, sum(newp) OVER (PARTITION BY la, child_key ORDER BY"
              + " DECOM ROWS UNBOUNDED PRECEDING) AS pid FROM (SELECT *, CASE WHEN"
              + " coalesce(lag(ends) OVER (PARTITION BY la, child_key ORDER BY DECOM), true) OR"
              + " RNE = 'S' THEN 1 ELSE 0 END AS newp FROM care)");
      sql.execute(
          "CREATE TABLE periods AS SELECT *, lag(end_date) OVER (PARTITION BY la, child_key"
              + " ORDER BY pid) AS prev_end FROM (SELECT la, child_key, pid, max(CASE WHEN newp ="
              + " 1 AND RNE = 'S' THEN DECOM END) AS start_date, max(CASE WHEN ends THEN DEC END)"
              + " AS end_date, max(CASE WHEN ends THEN REC END) AS reason FROM care_p GROUP BY"
              + " ALL)");

      Map<String, Map<String, Double>> values = new TreeMap<>();
      String range = " BETWEEN (SELECT min(y) FROM years) AND (SELECT max(y) FROM years)";
      query(
          sql,
          values,
          "SELECT la, ry(d), 'referrals_count', count(*) FROM ep WHERE ry(d)"
              + range
              + " GROUP BY ALL");
      query(
          sql,
          values,
          "SELECT r.la, ry(r.d), 'rereferrals_12m_count', count(*) FROM ep r WHERE ry(r.d)"
              + range
              + " AND EXISTS (SELECT 1 FROM ep p WHERE p.la = r.la AND p.child_key = r.child_key"
              + " AND p.d < r.d AND p.d + INTERVAL 12 MONTH >= r.d) GROUP BY ALL");
      query(
          sql,
          values,
          "SELECT la, ry(e), 'assessments_completed_count', count(*) FROM asm WHERE e IS NOT"
              + " NULL AND ry(e)"
              + range
              + " GROUP BY ALL");
      query(
          sql,
          values,
          "SELECT a.la, ry(a.e), 'assessment_duration_median_working_days',"
              + " quantile_cont(w2.cum - w1.cum, 0.5) FROM asm a JOIN wd w1 ON w1.d = a.d JOIN wd"
              + " w2 ON w2.d = a.e WHERE a.e >= a.d AND ry(a.e)"
              + range
              + " GROUP BY ALL");
      query(
          sql,
          values,
          "SELECT la, ry(d), 's47_count', count(*) FROM s47 WHERE ry(d)" + range + " GROUP BY ALL");
      sql.execute(
          "CREATE TABLE conf AS SELECT la, child_key, c, max(s) AS s FROM (SELECT la, child_key,"
              + " c, CASE WHEN d <= c THEN d END AS s FROM s47 WHERE c IS NOT NULL UNION ALL"
              + " SELECT la, child_key, c, NULL FROM ep WHERE c IS NOT NULL) GROUP BY ALL");
      query(
          sql,
          values,
          "SELECT la, ry(c), 'icpc_count', count(*) FROM conf WHERE ry(c)"
              + range
              + " GROUP BY ALL");
      query(
          sql,
          values,
          "SELECT f.la, ry(f.c), 's47_to_icpc_median_working_days',"
              + " quantile_cont(w2.cum - w1.cum, 0.5) FROM conf f JOIN wd w1 ON w1.d = f.s JOIN wd"
              + " w2 ON w2.d = f.c WHERE ry(f.c)"
              + range
              + " GROUP BY ALL");
      query(
          sql,
          values,
          "SELECT f.la, ry(f.c), 'icpc_within_15wd_count', count(*) FILTER (WHERE w2.cum -"
              + " w1.cum <= 15) FROM conf f JOIN wd w1 ON w1.d = f.s JOIN wd w2 ON w2.d = f.c"
              + " WHERE ry(f.c)"
              + range
              + " GROUP BY ALL");
      query(
          sql,
          values,
          "SELECT la, ry(d), 'cpp_start_count', count(*) FROM cpp WHERE ry(d)"
              + range
              + " GROUP BY ALL");
      query(
          sql,
          values,
          "SELECT la, ry(d), 'cpp_subsequent_count', count(*) FILTER (WHERE coalesce(n, 0) > 0)"
              + " FROM cpp WHERE ry(d)"
              + range
              + " GROUP BY ALL");
      String open =
          " JOIN years ON d <= m31(y) AND ((e IS NULL AND y <= collection_year) OR e > m31(y))";
      query(
          sql,
          values,
          "SELECT la, y, 'cpp_at31_count', count(*) FROM cpp" + open + " GROUP BY ALL");
      query(
          sql, values, "SELECT la, y, 'cin_at31_count', count(*) FROM ep" + open + " GROUP BY ALL");
      query(
          sql,
          values,
          "SELECT la, y, 'cla_at31_count', count(DISTINCT child_key) FROM care JOIN years ON"
              + " DECOM <= m31(y) AND ((DEC IS NULL AND y <= collection_year) OR DEC > m31(y))"
              + " GROUP BY ALL");
      sql.execute(
          "CREATE TABLE starts AS SELECT * FROM (SELECT *, ry(start_date) AS y, row_number()"
              + " OVER (PARTITION BY la, child_key, ry(start_date) ORDER BY start_date) AS k FROM"
              + " periods WHERE start_date IS NOT NULL) WHERE k = 1 AND y"
              + range);
      query(sql, values, "SELECT la, y, 'cla_start_count', count(*) FROM starts GROUP BY ALL");
      query(
          sql,
          values,
          "SELECT la, y, 'cla_reentry_12m_count', count(*) FILTER (WHERE prev_end < start_date"
              + " AND prev_end + INTERVAL 12 MONTH >= start_date) FROM starts GROUP BY ALL");
      sql.execute(
          "CREATE TABLE ceased AS SELECT * FROM (SELECT *, ry(end_date) AS y, row_number() OVER"
              + " (PARTITION BY la, child_key, ry(end_date) ORDER BY end_date DESC) AS k FROM"
              + " periods WHERE end_date IS NOT NULL) WHERE k = 1 AND y"
              + range);
      query(sql, values, "SELECT la, y, 'cla_ceased_count', count(*) FROM ceased GROUP BY ALL");
      query(
          sql,
          values,
          "SELECT la, y, 'cla_reunified_count', count(*) FILTER (WHERE reason IN ('E4A', 'E4B'))"
              + " FROM ceased GROUP BY ALL");
      return values;
    } catch (SQLException e) {
      throw new IllegalStateException("DuckDB failed: " + e.getMessage(), e);
    }
  }

  private static void query(Statement sql, Map<String, Map<String, Double>> values, String query)
      throws SQLException {
    try (ResultSet rows = sql.executeQuery(query)) {
      while (rows.next()) {
        values
            .computeIfAbsent(rows.getString(1) + "/" + rows.getInt(2), k -> new TreeMap<>())
            .put(rows.getString(3), rows.getDouble(4));
      }
    }
  }

  /** A table wd(d, cum): working days from 2000-01-01 to d, so that B - A counts A < d <= B. */
  private static void calendar(Statement sql, Path scratch) throws SQLException {
    Path file = scratch.resolve("working_days.csv");
    WorkingDays days = WorkingDays.englandAndWales();
    LocalDate origin = LocalDate.of(2000, 1, 1);
    try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      out.write("d,cum\n");
      for (LocalDate d = origin; d.getYear() <= 2030; d = d.plusDays(1)) {
        out.write(d + "," + days.between(origin, d) + "\n");
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write " + file, e);
    }
    sql.execute(
        "CREATE TABLE wd AS SELECT * FROM read_csv('"
            + file.toAbsolutePath()
            + "', header = true, columns = {'d': 'DATE', 'cum': 'INTEGER'})");
  }
}
