package io.waymark.it.goals;

import static org.assertj.core.api.Assertions.assertThat;

import io.waymark.it.support.Api;
import io.waymark.it.support.Goals;
import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /api/v1/onboarding-goals/{code}/stats}: the figures of the console's goal page, over
 * HTTP.
 */
class GoalsStatsApiIT {

  @Test
  void everyFigureOfAGoalWithKnownHistory() {
    String code = Goals.createSimple("stats");
    LocalDate before = LocalDate.now(ZoneOffset.UTC);
    GoalStatsFixture fixture =
        GoalStatsFixture.populate(
            code, user -> assertThat(Goals.complete(code, user).status()).isEqualTo(200));

    Api.Reply reply = Api.bootstrap().get("/api/v1/onboarding-goals/" + code + "/stats");
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    assertThat(reply.json().getString("status")).isEqualTo("ok");
    JsonObject stats = reply.json().getJsonObject("stats");
    assertThat(stats.getJsonNumber("completed_24h").longValue())
        .isEqualTo(GoalStatsFixture.COMPLETED_24H);
    assertThat(stats.getJsonNumber("completed_7d").longValue())
        .isEqualTo(GoalStatsFixture.COMPLETED_7D);
    assertThat(stats.getJsonNumber("completed_31d").longValue())
        .isEqualTo(GoalStatsFixture.COMPLETED_31D);
    assertThat(stats.getJsonNumber("active").longValue()).isEqualTo(GoalStatsFixture.ACTIVE);
    assertThat(stats.getJsonNumber("users").longValue()).isEqualTo(GoalStatsFixture.USERS);
    assertThat(stats.getJsonNumber("completed_users").longValue())
        .isEqualTo(GoalStatsFixture.COMPLETED_USERS);
    assertThat(stats.getJsonNumber("completion_rate").bigDecimalValue())
        .isEqualByComparingTo(new BigDecimal("0.8"));
    assertThat(buckets(stats)).containsExactlyEntriesOf(GoalStatsFixture.TIME_TO_COMPLETE);

    // 31 consecutive UTC days ending today (the server's today: the test may have crossed midnight)
    var perDay = stats.getJsonArray("per_day").getValuesAs(JsonObject.class);
    assertThat(perDay).hasSize(31);
    LocalDate today = LocalDate.parse(perDay.get(30).getString("date"));
    assertThat(today).isBetween(before, LocalDate.now(ZoneOffset.UTC));
    assertThat(perDay.stream().map(d -> LocalDate.parse(d.getString("date"))).toList())
        .isEqualTo(today.minusDays(30).datesUntil(today.plusDays(1)).toList());
    assertThat(perDay.stream().map(d -> d.getJsonNumber("count").longValue()).toList())
        .isEqualTo(fixture.expectedPerDay(today));
    assertThat(perDay.stream().mapToLong(d -> d.getJsonNumber("count").longValue()).sum())
        .isEqualTo(GoalStatsFixture.COMPLETED_31D);
  }

  @Test
  void aGoalNobodyHadHasZerosAndNoRate() {
    String code = Goals.createSimple("stats-empty");
    JsonObject stats =
        Api.bootstrap()
            .get("/api/v1/onboarding-goals/" + code + "/stats")
            .json()
            .getJsonObject("stats");
    for (String counter :
        List.of(
            "completed_24h",
            "completed_7d",
            "completed_31d",
            "active",
            "users",
            "completed_users")) {
      assertThat(stats.getJsonNumber(counter).longValue()).as(counter).isZero();
    }
    assertThat(Api.isNull(stats, "completion_rate")).isTrue();
    assertThat(stats.getJsonArray("per_day")).hasSize(31);
    assertThat(stats.getJsonArray("per_day").getValuesAs(JsonObject.class))
        .allSatisfy(d -> assertThat(d.getInt("count")).isZero());
    assertThat(buckets(stats))
        .containsOnlyKeys("0", "1", "2", "3-6", "7-30", "31+")
        .allSatisfy((k, v) -> assertThat(v).isZero());
  }

  @Test
  void unknownGoalsAndTokensWithoutTheResourceAreRefused() {
    Api.Reply missing =
        Api.bootstrap().get("/api/v1/onboarding-goals/no-such-goal-" + Goals.code("x") + "/stats");
    assertThat(missing.status()).isEqualTo(404);
    assertThat(missing.json().getString("code")).isEqualTo("goal_not_found");

    String code = Goals.createSimple("stats-auth");
    Map.Entry<String, Long> token = Api.createToken(null, "onboarding-goals.get");
    Api.Reply denied =
        Api.withToken(token.getKey()).get("/api/v1/onboarding-goals/" + code + "/stats");
    assertThat(denied.status()).isEqualTo(403);
    assertThat(denied.json().getString("message"))
        .isEqualTo("Not authorized: Token has no access to resource [onboarding-goals.stats]");

    assertThat(
            Api.bootstrap()
                .put(
                    "/api/v1/api-tokens/" + token.getValue(),
                    "{\"resources\":[\"onboarding-goals.stats\"]}")
                .status())
        .isEqualTo(200);
    assertThat(
            Api.withToken(token.getKey())
                .get("/api/v1/onboarding-goals/" + code + "/stats")
                .status())
        .isEqualTo(200);
    // the goal itself is still reached through its own resource
    assertThat(Api.withToken(token.getKey()).get("/api/v1/onboarding-goals/" + code).status())
        .isEqualTo(403);
  }

  private static Map<String, Long> buckets(JsonObject stats) {
    Map<String, Long> buckets = new LinkedHashMap<>();
    stats
        .getJsonArray("time_to_complete")
        .getValuesAs(JsonObject.class)
        .forEach(b -> buckets.put(b.getString("bucket"), b.getJsonNumber("count").longValue()));
    return buckets;
  }
}
