package io.waymark.it.segments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.waymark.it.support.Api;
import io.waymark.it.support.Db;
import jakarta.json.JsonObject;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The recount sweep (the IT server runs it every second, slow threshold 1 s): due segments are
 * counted with their duration and daily figure, slow counts are flagged, a failing segment is
 * recorded and does not stop the others.
 */
class SegmentRecountIT {

  private static final Duration WAIT = Duration.ofSeconds(60);

  private static String marker() {
    return UUID.randomUUID().toString().replace("-", "").substring(0, 10);
  }

  private static String emailCriteria(String marker) {
    return "{\"type\":\"criterion\",\"key\":\"user.field\",\"params\":{\"field\":\"email\",\"operator\":\"contains\",\"value\":\""
        + marker
        + "\"}}";
  }

  private static JsonObject segment(String code) {
    Api.Reply reply = Api.bootstrap().get("/api/v1/segments/" + code);
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    return reply.json().getJsonObject("segment");
  }

  private static long count(JsonObject segment) {
    return Api.isNull(segment, "count") ? -1 : segment.getJsonNumber("count").longValue();
  }

  private static JsonObject create(String body) {
    Api.Reply created = Api.bootstrap().post("/api/v1/segments", body);
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    return created.json().getJsonObject("segment");
  }

  private static void pushIntoThePast(String code, int minutes) {
    assertThat(
            Db.update(
                "update segments set count_updated_at = count_updated_at - make_interval(mins => ?) where code = ?",
                minutes,
                code))
        .isEqualTo(1);
  }

  @Test
  void dueSegmentsAreRecountedWithTheirDurationAndDailyFigure() {
    String marker = marker();
    Api.createUser("rc-a-" + marker + "@it.example.com", null);
    Api.createUser("rc-b-" + marker + "@it.example.com", null);
    String every = "rc-" + marker;
    String hourly = "rc-hourly-" + marker;
    JsonObject created =
        create(
            "{\"code\":\""
                + every
                + "\",\"name\":\"Every minute\",\"recalculate_every_minutes\":1,\"criteria\":"
                + emailCriteria(marker)
                + "}");
    assertThat(created.getJsonNumber("recalculate_every_minutes").longValue()).isEqualTo(1);
    assertThat(created.getBoolean("slow")).isFalse();
    assertThat(
            create(
                    "{\"code\":\""
                        + hourly
                        + "\",\"name\":\"Hourly\",\"criteria\":"
                        + emailCriteria(marker)
                        + "}")
                .getJsonNumber("recalculate_every_minutes")
                .longValue())
        .isEqualTo(60);

    // never counted: both are due at once
    await()
        .atMost(WAIT)
        .untilAsserted(
            () -> {
              assertThat(count(segment(every))).isEqualTo(2);
              assertThat(count(segment(hourly))).isEqualTo(2);
            });
    JsonObject first = segment(every);
    assertThat(first.getJsonNumber("count_duration_ms").intValue()).isNotNegative();
    assertThat(first.getBoolean("slow")).isFalse();
    assertThat(Api.isNull(first, "count_error")).isTrue();

    Api.createUser("rc-c-" + marker + "@it.example.com", null);
    pushIntoThePast(every, 2);
    await().atMost(WAIT).untilAsserted(() -> assertThat(count(segment(every))).isEqualTo(3));
    // the sweep that recounted the due segment left the hourly one alone
    assertThat(count(segment(hourly))).isEqualTo(2);
    JsonObject recounted = segment(every);
    assertThat(Instant.parse(recounted.getString("count_updated_at")))
        .isAfter(Instant.parse(first.getString("count_updated_at")));
    assertThat(recounted.getJsonNumber("count_duration_ms").intValue()).isNotNegative();

    String today = LocalDate.now(ZoneOffset.UTC).toString();
    JsonObject stats =
        Api.bootstrap()
            .get("/api/v1/segments/daily-count-stats?segment_code=" + every + "&date_to=" + today)
            .json();
    JsonObject last =
        stats.getJsonArray("stats").getJsonObject(stats.getJsonArray("stats").size() - 1);
    assertThat(last.getString("date")).isEqualTo(today);
    assertThat(last.getJsonNumber("count").longValue()).isEqualTo(3);
  }

  @Test
  void theRecalculationPeriodIsSettableAndAtLeastOneMinute() {
    String code = "rc-period-" + marker();
    create(
        "{\"code\":\"" + code + "\",\"name\":\"Period\",\"criteria\":" + emailCriteria(code) + "}");
    Api.Reply zero =
        Api.bootstrap().put("/api/v1/segments/" + code, "{\"recalculate_every_minutes\":0}");
    assertThat(zero.status()).isEqualTo(400);
    assertThat(zero.json().getString("code")).isEqualTo("payload_error");
    assertThat(zero.json().getJsonArray("errors").toString()).contains("recalculate_every_minutes");
    Api.Reply text =
        Api.bootstrap()
            .put("/api/v1/segments/" + code, "{\"recalculate_every_minutes\":\"often\"}");
    assertThat(text.status()).isEqualTo(400);
    Api.Reply daily =
        Api.bootstrap().put("/api/v1/segments/" + code, "{\"recalculate_every_minutes\":1440}");
    assertThat(daily.status()).as(daily.body()).isEqualTo(200);
    assertThat(
            daily
                .json()
                .getJsonObject("segment")
                .getJsonNumber("recalculate_every_minutes")
                .longValue())
        .isEqualTo(1440);
    assertThat(segment(code).getJsonNumber("recalculate_every_minutes").longValue())
        .isEqualTo(1440);
  }

  @Test
  void slowCountsAreFlagged() throws SQLException {
    String marker = marker();
    String table = "it_slow_" + marker;
    Db.update("create table " + table + " (id bigint)");
    Db.update("grant select on " + table + " to waymark_segments");
    try {
      Api.createUser("rc-slow-" + marker + "@it.example.com", null);
      String code = "rc-slow-" + marker;
      create(
          "{\"code\":\""
              + code
              + "\",\"name\":\"Slow\",\"sql\":\"select id from users where email like '%"
              + marker
              + "%' and not exists (select 1 from "
              + table
              + ")\"}");
      await().atMost(WAIT).until(() -> count(segment(code)) == 1);
      // the next count waits for the table this test holds locked: slow by more than the IT
      // server's 1 s threshold, measured by the database's clock (no function may sleep in segment
      // SQL)
      try (Connection holder = Db.connectAs("waymark")) {
        holder.setAutoCommit(false);
        holder.createStatement().execute("lock table " + table + " in access exclusive mode");
        Db.update("update segments set count_updated_at = null where code = ?", code);
        await()
            .atMost(WAIT)
            .until(
                () ->
                    (Boolean)
                        Db.single(
                            "select exists (select 1 from pg_locks where relation = ?::regclass"
                                + " and not granted and clock_timestamp() - waitstart > interval '1500 ms')",
                            table));
        holder.commit();
      }
      await()
          .atMost(WAIT)
          .untilAsserted(
              () -> {
                JsonObject segment = segment(code);
                assertThat(segment.getBoolean("slow")).isTrue();
                assertThat(count(segment)).isEqualTo(1);
                assertThat(segment.getJsonNumber("count_duration_ms").intValue())
                    .isGreaterThanOrEqualTo(1000);
              });
    } finally {
      Db.update("drop table if exists " + table);
    }
  }

  @Test
  void aSlowSegmentNeitherStallsTheOthersNorBlocksItsPut() throws SQLException {
    String marker = marker();
    String table = "it_stuck_" + marker;
    Db.update("create table " + table + " (id bigint)");
    Db.update("grant select on " + table + " to waymark_segments");
    try {
      Api.createUser("rc-stuck-" + marker + "@it.example.com", null);
      String stuck = "rc-stuck-" + marker;
      create(
          "{\"code\":\""
              + stuck
              + "\",\"name\":\"Stuck\",\"sql\":\"select id from users where email like '%"
              + marker
              + "%' and not exists (select 1 from "
              + table
              + ")\"}");
      await().atMost(WAIT).until(() -> count(segment(stuck)) == 1);
      try (Connection holder = Db.connectAs("waymark")) {
        // the next count of the raw-SQL segment waits for this lock as long as the test holds it
        holder.setAutoCommit(false);
        holder.createStatement().execute("lock table " + table + " in access exclusive mode");
        Db.update("update segments set count_updated_at = null where code = ?", stuck);
        await()
            .atMost(WAIT)
            .until(
                () ->
                    (Boolean)
                        Db.single(
                            "select exists (select 1 from pg_locks where relation = ?::regclass"
                                + " and not granted)",
                            table));
        // meanwhile another segment is counted, and the stuck one can be edited
        String other = "rc-other-" + marker;
        create(
            "{\"code\":\""
                + other
                + "\",\"name\":\"Other\",\"criteria\":"
                + emailCriteria(marker)
                + "}");
        await().atMost(WAIT).until(() -> count(segment(other)) == 1);
        Api.Reply renamed =
            Api.bootstrap().put("/api/v1/segments/" + stuck, "{\"name\":\"Stuck, renamed\"}");
        assertThat(renamed.status()).as(renamed.body()).isEqualTo(200);
        assertThat(segment(stuck).getString("name")).isEqualTo("Stuck, renamed");
        holder.commit();
      }
      // the count made before the change is not stored (or it was stopped by the sandbox's timeout
      // and recorded as failed); either way the claim is gone and the segment is counted anew
      Db.update(
          "update segments set count_updated_at = null, count_failed_at = null where code = ?",
          stuck);
      await().atMost(WAIT).until(() -> !Api.isNull(segment(stuck), "count_updated_at"));
      assertThat(count(segment(stuck))).isEqualTo(1);
    } finally {
      Db.update("drop table if exists " + table);
    }
  }

  @Test
  void aFailingSegmentIsRecordedAndDoesNotStopTheOthers() {
    String marker = marker();
    String table = "it_recount_" + marker;
    Db.update("create table " + table + " (id bigint)");
    Db.update("grant select on " + table + " to waymark_segments");
    try {
      long user =
          Api.createUser("rc-fail-" + marker + "@it.example.com", null)
              .getJsonNumber("id")
              .longValue();
      Db.update("insert into " + table + " (id) values (?)", user);
      String broken = "rc-broken-" + marker;
      String healthy = "rc-healthy-" + marker;
      create(
          "{\"code\":\""
              + broken
              + "\",\"name\":\"Raw\",\"recalculate_every_minutes\":1,\"sql\":\"select id from "
              + table
              + "\"}");
      create(
          "{\"code\":\""
              + healthy
              + "\",\"name\":\"Healthy\",\"recalculate_every_minutes\":1,\"criteria\":"
              + emailCriteria(marker)
              + "}");
      await()
          .atMost(WAIT)
          .untilAsserted(
              () -> {
                assertThat(count(segment(broken))).isEqualTo(1);
                assertThat(count(segment(healthy))).isEqualTo(1);
              });

      // the raw SQL's table goes away; the broken segment is the longer overdue, so the sweep meets
      // it first
      Db.update("drop table " + table);
      Api.createUser("rc-fail2-" + marker + "@it.example.com", null);
      pushIntoThePast(broken, 3);
      pushIntoThePast(healthy, 2);
      await()
          .atMost(WAIT)
          .untilAsserted(
              () -> {
                JsonObject failed = segment(broken);
                assertThat(Api.isNull(failed, "count_error")).isFalse();
                assertThat(failed.getString("count_error")).contains(table);
                assertThat(Api.isNull(failed, "count_failed_at")).isFalse();
                assertThat(count(failed)).as("the previous count is kept").isEqualTo(1);
                assertThat(count(segment(healthy))).isEqualTo(2);
              });

      // repaired: counted again one period after the failure, and the error is cleared
      Db.update("create table " + table + " (id bigint)");
      Db.update("grant select on " + table + " to waymark_segments");
      Db.update("insert into " + table + " (id) values (?), (?)", user, user + 1);
      Db.update(
          "update segments set count_failed_at = count_failed_at - interval '2 minutes' where code = ?",
          broken);
      await()
          .atMost(WAIT)
          .untilAsserted(
              () -> {
                JsonObject repaired = segment(broken);
                assertThat(count(repaired)).isEqualTo(2);
                assertThat(Api.isNull(repaired, "count_error")).isTrue();
                assertThat(Api.isNull(repaired, "count_failed_at")).isTrue();
              });
    } finally {
      Db.update("drop table if exists " + table);
    }
  }
}
