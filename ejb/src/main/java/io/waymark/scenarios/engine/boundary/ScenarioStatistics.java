package io.waymark.scenarios.engine.boundary;

import io.waymark.platform.db.Jdbc;
import io.waymark.platform.error.WaymarkException;
import io.waymark.scenarios.engine.entity.JobState;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Per element of a scenario: jobs waiting now, and for the last 24 hours and 30 days the jobs
 * finished (positive / negative — for goal elements: completed / timed out), failed, and per A/B
 * variant.
 */
@Stateless
public class ScenarioStatistics {

  /** {@code exited}: jobs dropped because the user left by an exit criterion. */
  public record Period(
      long finished,
      long positive,
      long negative,
      long failed,
      Map<Integer, Long> variants,
      long exited) {

    public Period(
        long finished, long positive, long negative, long failed, Map<Integer, Long> variants) {
      this(finished, positive, negative, failed, variants, 0);
    }
  }

  public record ElementStats(
      String elementId, String name, String type, long waiting, Period last24h, Period last30d) {}

  @Inject Jdbc jdbc;

  @Inject Clock clock;

  /**
   * The purged jobs of the 30 days (the daily figures {@link ScenarioJobPurge} keeps, the whole UTC
   * days after the window's first: that partial day is left out rather than counted whole): per
   * element {finished, positive, negative, failed, exited}; the A/B variants' finished counts are
   * added to {@code variants} (its 30-day figure, index 1).
   */
  private Map<Long, long[]> purged(
      long scenarioId, Instant month, Map<Long, Map<Integer, long[]>> variants) {
    Map<Long, long[]> purged = new TreeMap<>();
    jdbc.list(
        "select d.element_id, d.state, d.result, e.type, sum(d.jobs) from scenario_job_days d"
            + " join scenario_elements e on e.id = d.element_id"
            + " where e.scenario_id = ? and d.day > (cast(? as timestamptz) at time zone 'UTC')::date"
            + " group by 1, 2, 3, 4",
        rs -> {
          long[] counts = purged.computeIfAbsent(rs.getLong(1), k -> new long[5]);
          long jobs = rs.getLong(5);
          String result = rs.getString(3);
          if ("failed".equals(rs.getString(2))) {
            counts[3] += jobs;
            return null;
          }
          if ("dropped".equals(rs.getString(2))) {
            if ("exited".equals(result)) {
              counts[4] += jobs;
            }
            return null;
          }
          counts[0] += jobs;
          if ("positive".equals(result)) {
            counts[1] += jobs;
          } else if ("negative".equals(result)) {
            counts[2] += jobs;
          } else if ("ab_test".equals(rs.getString(4)) && result.matches("\\d{1,9}")) {
            variants.computeIfAbsent(rs.getLong(1), k -> new TreeMap<>())
                    .computeIfAbsent(Integer.parseInt(result), k -> new long[2])[1] +=
                jobs;
          }
          return null;
        },
        scenarioId,
        month);
    return purged;
  }

  public List<ElementStats> forScenario(long scenarioId) {
    if (jdbc.first("select 1 from scenarios where id = ?", rs -> Boolean.TRUE, scenarioId)
        .isEmpty()) {
      throw WaymarkException.notFound("not_found", "scenario '" + scenarioId + "' not found");
    }
    Instant now = clock.instant();
    Instant day = now.minus(Duration.ofHours(24));
    Instant month = now.minus(Duration.ofDays(30));
    Map<Long, Map<Integer, long[]>> variants = new TreeMap<>();
    jdbc.list(
        "select j.element_id, cast(j.result as integer), count(*) filter (where j.finished_at >= ?), count(*)"
            + " from scenario_jobs j join scenario_elements e on e.id = j.element_id"
            + " where e.scenario_id = ? and e.type = 'ab_test' and j.state = 'finished' and j.finished_at >= ? group by 1, 2",
        rs ->
            variants
                .computeIfAbsent(rs.getLong(1), k -> new TreeMap<>())
                .put(rs.getInt(2), new long[] {rs.getLong(3), rs.getLong(4)}),
        day,
        scenarioId,
        month);
    Map<Long, long[]> purged = purged(scenarioId, month, variants);
    return jdbc.list(
        """
        select e.id, e.uuid::text, e.name, e.type,
               count(j.id) filter (where j.state in %s),
               count(j.id) filter (where j.state = 'finished' and j.finished_at >= ?),
               count(j.id) filter (where j.result = 'positive' and j.finished_at >= ?),
               count(j.id) filter (where j.result = 'negative' and j.finished_at >= ?),
               count(j.id) filter (where j.state = 'failed' and j.finished_at >= ?),
               count(j.id) filter (where j.state = 'finished'),
               count(j.id) filter (where j.result = 'positive'),
               count(j.id) filter (where j.result = 'negative'),
               count(j.id) filter (where j.state = 'failed'),
               count(j.id) filter (where j.result = 'exited' and j.finished_at >= ?),
               count(j.id) filter (where j.result = 'exited')
        from scenario_elements e
        left join scenario_jobs j on j.element_id = e.id and (j.state in %s or j.finished_at >= ?)
        where e.scenario_id = ? and e.deleted_at is null
        group by e.id order by e.id"""
            .formatted(JobState.PENDING_SQL, JobState.PENDING_SQL),
        rs -> {
          Map<Integer, long[]> perVariant = variants.getOrDefault(rs.getLong(1), Map.of());
          long[] old = purged.getOrDefault(rs.getLong(1), new long[5]);
          Map<Integer, Long> day24 = new TreeMap<>();
          Map<Integer, Long> days30 = new TreeMap<>();
          perVariant.forEach(
              (v, counts) -> {
                day24.put(v, counts[0]);
                days30.put(v, counts[1]);
              });
          return new ElementStats(
              rs.getString(2),
              rs.getString(3),
              rs.getString(4),
              rs.getLong(5),
              new Period(
                  rs.getLong(6),
                  rs.getLong(7),
                  rs.getLong(8),
                  rs.getLong(9),
                  day24,
                  rs.getLong(14)),
              new Period(
                  rs.getLong(10) + old[0],
                  rs.getLong(11) + old[1],
                  rs.getLong(12) + old[2],
                  rs.getLong(13) + old[3],
                  days30,
                  rs.getLong(15) + old[4]));
        },
        day,
        day,
        day,
        day,
        day,
        month,
        scenarioId);
  }
}
