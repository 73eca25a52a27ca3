package io.waymark.it.goals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.waymark.it.support.Api;
import io.waymark.it.support.Db;
import io.waymark.it.support.Goals;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The per-user goal rules of SPEC §2, checked over HTTP and in the database. */
class UserGoalLifecycleIT {

  @Test
  void completeWithoutAssignmentCreatesACompletedRow() {
    String code = Goals.createSimple("noassign");
    long user = Goals.user();
    assertThat(Goals.complete(code, user).status()).isEqualTo(200);
    assertThat(Goals.rows(code, user)).containsExactly(List.of(true, false));
  }

  @Test
  void reCompletingKeepsOneRow() {
    String code = Goals.createSimple("recomplete");
    long user = Goals.user();
    Goals.assign(code, user, null);
    Goals.complete(code, user);
    Goals.complete(code, user);
    assertThat(Goals.rows(code, user)).containsExactly(List.of(true, false));
  }

  @Test
  void completeAfterTimeoutCreatesANewRow() {
    String code = Goals.createSimple("aftertimeout");
    long user = Goals.user();
    Goals.assign(code, user, null);
    assertThat(Goals.timeout(code, user).json().getJsonObject("user_goal").getString("state"))
        .isEqualTo("timed_out");
    Goals.complete(code, user);
    assertThat(Goals.rows(code, user)).containsExactly(List.of(false, true), List.of(true, false));
  }

  @Test
  void timeoutAfterCompleteCreatesANewRow() {
    String code = Goals.createSimple("timeoutafter");
    long user = Goals.user();
    Goals.complete(code, user);
    Goals.timeout(code, user);
    assertThat(Goals.rows(code, user)).containsExactly(List.of(true, false), List.of(false, true));
  }

  @Test
  void assignWithAnActiveRowOnlyTouchesIt() {
    String code = Goals.createSimple("assign");
    long user = Goals.user();
    JsonObject first = Goals.assign(code, user, null).json().getJsonObject("user_goal");
    assertThat(first.getString("state")).isEqualTo("active");
    assertThat(Api.isNull(first, "expires_at")).isTrue();
    JsonObject second = Goals.assign(code, user, 60).json().getJsonObject("user_goal");
    assertThat(second.getJsonNumber("id").longValue())
        .isEqualTo(first.getJsonNumber("id").longValue());
    assertThat(second.getString("updated_at"))
        .isGreaterThanOrEqualTo(first.getString("updated_at"));
    assertThat(second.getString("expires_at")).isNotNull();
    assertThat(Goals.rows(code, user)).hasSize(1);
    // a finished row is not reused
    Goals.complete(code, user);
    JsonObject third = Goals.assign(code, user, null).json().getJsonObject("user_goal");
    assertThat(third.getJsonNumber("id").longValue())
        .isNotEqualTo(first.getJsonNumber("id").longValue());
    assertThat(Goals.rows(code, user)).containsExactly(List.of(true, false), List.of(false, false));
  }

  @Test
  void theUsersGoalsAreListedNewestFirstWithTheirState() {
    String a = Goals.createSimple("mine-a");
    String b = Goals.createSimple("mine-b");
    long user = Goals.user();
    Goals.complete(a, user);
    Goals.assign(b, user, 30);
    Api.Reply reply = Api.bootstrap().get("/api/v1/users/" + user + "/onboarding-goals");
    assertThat(reply.status()).isEqualTo(200);
    JsonArray items = reply.json().getJsonArray("items");
    assertThat(items).hasSize(2);
    assertThat(items.getJsonObject(0).getString("goal_code")).isEqualTo(b);
    assertThat(items.getJsonObject(0).getString("state")).isEqualTo("active");
    assertThat(items.getJsonObject(1).getString("state")).isEqualTo("completed");
    assertThat(items.getJsonObject(0).keySet())
        .containsExactlyInAnyOrder(
            "id",
            "goal_code",
            "state",
            "created_at",
            "updated_at",
            "completed_at",
            "timedout_at",
            "expires_at");
    assertThat(Api.bootstrap().get("/api/v1/users/999999998/onboarding-goals").status())
        .isEqualTo(404);
  }

  @Test
  void batchCompletionReportsEachItemInOrder() {
    String code = Goals.createSimple("batch");
    long u1 = Goals.user();
    long u2 = Goals.user();
    Api.Reply reply =
        Api.bootstrap()
            .post(
                "/api/v1/onboarding-goals/complete-batch",
                "{\"items\":["
                    + "{\"goal_code\":\""
                    + code
                    + "\",\"user_id\":"
                    + u1
                    + "},"
                    + "{\"goal_code\":\"nope-"
                    + UUID.randomUUID().toString().substring(0, 6)
                    + "\",\"user_id\":"
                    + u1
                    + "},"
                    + "{\"goal_code\":\""
                    + code
                    + "\",\"user_id\":999999997},"
                    + "{\"goal_code\":\""
                    + code
                    + "\"},"
                    + "{\"goal_code\":\""
                    + code
                    + "\",\"user_id\":\""
                    + u2
                    + "\"}]}");
    assertThat(reply.status()).isEqualTo(200);
    JsonArray results = reply.json().getJsonArray("results");
    assertThat(results.stream().map(r -> r.asJsonObject().getString("status")).toList())
        .containsExactly("ok", "error", "error", "error", "ok");
    assertThat(results.getJsonObject(1).getString("code")).isEqualTo("goal_not_found");
    assertThat(results.getJsonObject(2).getString("code")).isEqualTo("user_not_found");
    assertThat(results.getJsonObject(3).getString("code")).isEqualTo("payload_error");
    assertThat(Goals.rows(code, u1)).containsExactly(List.of(true, false));
    assertThat(Goals.rows(code, u2)).containsExactly(List.of(true, false));
  }

  @Test
  void aBatchCompletesTheActiveRowAfterATimeoutANewRowAndAUserListedTwiceOnce() {
    String code = Goals.createSimple("batch-rows");
    String other = Goals.createSimple("batch-other");
    long active = Goals.user();
    long timedOut = Goals.user();
    long twice = Goals.user();
    Goals.assign(code, active, null);
    Goals.timeout(code, timedOut);
    String item = "{\"goal_code\":\"%s\",\"user_id\":%d}";
    Api.Reply reply =
        Api.bootstrap()
            .post(
                "/api/v1/onboarding-goals/complete-batch",
                "{\"items\":["
                    + String.join(
                        ",",
                        item.formatted(code, twice),
                        item.formatted(code, active),
                        item.formatted(other, twice),
                        item.formatted(code, timedOut),
                        item.formatted(code, twice))
                    + "]}");
    assertThat(reply.status()).isEqualTo(200);
    assertThat(
            reply.json().getJsonArray("results").stream()
                .map(r -> r.asJsonObject().getString("status"))
                .toList())
        .containsExactly("ok", "ok", "ok", "ok", "ok");
    assertThat(Goals.rows(code, active))
        .as("the active row completed")
        .containsExactly(List.of(true, false));
    assertThat(Goals.rows(code, timedOut))
        .as("a new completed row after the timed-out one")
        .containsExactly(List.of(false, true), List.of(true, false));
    assertThat(Goals.rows(code, twice)).containsExactly(List.of(true, false));
    assertThat(Goals.rows(other, twice)).containsExactly(List.of(true, false));
  }

  @Test
  void batchesOverOneThousandItemsAreTooLarge() {
    StringBuilder items = new StringBuilder();
    for (int i = 0; i < 1001; i++) {
      items.append(i == 0 ? "" : ",").append("{\"goal_code\":\"x\",\"user_id\":1}");
    }
    Api.Reply reply =
        Api.bootstrap()
            .post("/api/v1/onboarding-goals/complete-batch", "{\"items\":[" + items + "]}");
    assertThat(reply.status()).isEqualTo(413);
    assertThat(reply.json().getString("code")).isEqualTo("payload_too_large");
  }

  @Test
  void anIdempotentRetryOfCompleteDoesNotExecuteTwice() {
    String code = Goals.createSimple("idem");
    long user = Goals.user();
    String key = UUID.randomUUID().toString();
    String body = "{\"goal_code\":\"" + code + "\",\"user_id\":" + user + "}";
    assertThat(
            Api.bootstrap()
                .header("Idempotency-Key", key)
                .post("/api/v1/onboarding-goals/complete", body)
                .status())
        .isEqualTo(200);
    Goals.timeout(code, user);
    Api.Reply replay =
        Api.bootstrap()
            .header("Idempotency-Key", key)
            .post("/api/v1/onboarding-goals/complete", body);
    assertThat(replay.status()).isEqualTo(200);
    assertThat(replay.header("Idempotent-Replayed")).isEqualTo("true");
    // executing again would have added a completed row after the timed-out one
    assertThat(Goals.rows(code, user)).containsExactly(List.of(true, false), List.of(false, true));
  }

  @Test
  void theSweeperTimesOutOnlyDueGoals() {
    String code = Goals.createSimple("sweep");
    long due = Goals.user();
    long notDue = Goals.user();
    Goals.assign(code, due, 60);
    Goals.assign(code, notDue, 60);
    Db.update(
        "update user_onboarding_goals set expires_at = now() - interval '1 minute' where user_id = ?",
        due);
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(250))
        .until(() -> Goals.rows(code, due).equals(List.of(List.of(false, true))));
    assertThat(Goals.rows(code, notDue)).containsExactly(List.of(false, false));
    Object timedOutAt =
        Db.single(
            "select timedout_at = expires_at from user_onboarding_goals where user_id = ?", due);
    assertThat(timedOutAt).isEqualTo(true);
  }

  @Test
  void parallelCompletesOfAFreshPairLeaveOneCompletedRow() throws Exception {
    String code = Goals.createSimple("race-complete");
    long user = Goals.user();
    List<Integer> statuses = parallel(50, () -> Goals.complete(code, user).status());
    assertThat(statuses).containsOnly(200);
    assertThat(Goals.rows(code, user)).containsExactly(List.of(true, false));
  }

  @Test
  void parallelAssignsOfAFreshPairLeaveOneActiveRow() throws Exception {
    String code = Goals.createSimple("race-assign");
    long user = Goals.user();
    List<Integer> statuses = parallel(50, () -> Goals.assign(code, user, null).status());
    assertThat(statuses).containsOnly(200);
    assertThat(Goals.rows(code, user)).containsExactly(List.of(false, false));
  }

  @Test
  void aParallelMixNeverBreaksTheSingleActiveRowInvariant() throws Exception {
    String code = Goals.createSimple("race-mix");
    long user = Goals.user();
    List<Integer> statuses =
        parallel(
            60,
            new Callable<>() {
              private final java.util.concurrent.atomic.AtomicInteger n =
                  new java.util.concurrent.atomic.AtomicInteger();

              @Override
              public Integer call() {
                return switch (n.getAndIncrement() % 3) {
                  case 0 -> Goals.assign(code, user, null).status();
                  case 1 -> Goals.complete(code, user).status();
                  default -> Goals.timeout(code, user).status();
                };
              }
            });
    assertThat(statuses).containsOnly(200);
    long active =
        Goals.rows(code, user).stream().filter(r -> r.equals(List.of(false, false))).count();
    assertThat(active).isLessThanOrEqualTo(1);
  }

  private static List<Integer> parallel(int count, Callable<Integer> call) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(16);
    try {
      List<Future<Integer>> futures = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        futures.add(pool.submit(call));
      }
      List<Integer> statuses = new ArrayList<>();
      for (Future<Integer> f : futures) {
        statuses.add(f.get());
      }
      return statuses;
    } finally {
      pool.shutdownNow();
    }
  }
}
