package io.waymark.it.externalsync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import io.waymark.it.support.Api;
import io.waymark.it.support.Db;
import io.waymark.it.support.Goals;
import io.waymark.it.support.Receiver;
import io.waymark.it.support.StubServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/**
 * The external REMP Campaign sync against the suite's {@link StubServer}, where the IT server's
 * {@code waymark.remp.campaign.url} points (it retries every second, at most 4 attempts). Segments
 * this test does not know (other tests' goals) are answered 404, which the server takes as done.
 */
class ExternalSyncIT {

  private static final String PREFIX =
      StubServer.REMP + "/api/segment-cache/provider/crm_segment/code/";
  private static final String TOKEN = System.getProperty("it.remp.token", "it-remp-8e41c0b7d2f5");
  private static final Duration WAIT = Duration.ofSeconds(60);

  /** One call the receiver got for a segment of this test, and what it answered. */
  record Call(
      String segmentCode,
      String action,
      String authorization,
      String contentType,
      JsonObject body,
      int answered) {}

  /** Per segment this test owns: the statuses to answer, in order; 200 once they are used up. */
  private static final Map<String, Deque<Integer>> ANSWERS = new ConcurrentHashMap<>();

  private static final Receiver REMP =
      StubServer.receiver(StubServer.REMP).answer(ExternalSyncIT::answer);

  private static String[] pathParts(Receiver.Request request) {
    return request.path().substring(PREFIX.length()).split("/");
  }

  private static Receiver.Answer answer(Receiver.Request request) {
    if (!request.path().startsWith(PREFIX)) {
      return Receiver.Answer.status(404);
    }
    Deque<Integer> planned = ANSWERS.get(pathParts(request)[0]);
    if (planned == null) {
      return new Receiver.Answer(404, "{\"status\":\"error\"}");
    }
    int status;
    synchronized (planned) {
      status = planned.isEmpty() ? 200 : planned.poll();
    }
    return new Receiver.Answer(
        status, status == 200 ? "{\"status\":\"ok\"}" : "{\"status\":\"error\"}");
  }

  /** The calls for this test's segments, oldest first. */
  private static List<Call> calls() {
    return REMP
        .exchanges(r -> r.path().startsWith(PREFIX) && ANSWERS.containsKey(pathParts(r)[0]))
        .stream()
        .map(
            e -> {
              String[] parts = pathParts(e.request());
              JsonObject json = e.request().json();
              return new Call(
                  parts[0],
                  parts.length > 1 ? parts[1] : "",
                  e.request().header("Authorization"),
                  e.request().header("Content-Type"),
                  json == null
                      ? Json.createObjectBuilder().add("unreadable", e.request().body()).build()
                      : json,
                  e.answered());
            })
        .toList();
  }

  /** A goal whose segment this receiver answers with the given statuses first. */
  private static String goal(Integer... statuses) {
    String code = Goals.createSimple("remp");
    ANSWERS.put("onboarding_" + code, new ArrayDeque<>(List.of(statuses)));
    return code;
  }

  private static List<Call> calls(String segment, long user) {
    return calls().stream()
        .filter(
            c ->
                c.segmentCode().equals(segment)
                    && c.body().getJsonNumber("user_id") != null
                    && c.body().getJsonNumber("user_id").longValue() == user)
        .toList();
  }

  /** The user's outbox rows for the segment, oldest first: [action, status, attempts]. */
  private static List<List<Object>> rows(String segment, long user) {
    return Db.query(
        "select payload ->> 'action', coalesce(outcome, state), attempts from outbox_items where channel = 'remp'"
            + " and payload ->> 'segment_code' = ? and (payload ->> 'user_id')::bigint = ? order by id",
        segment,
        user);
  }

  @Test
  void assignAddsTheUserAndCompletionOrTimeoutRemovesThem() {
    String code = goal();
    String segment = "onboarding_" + code;
    long user = Goals.user();
    assertThat(Goals.assign(code, user, null).status()).isEqualTo(200);
    await().atMost(WAIT).untilAsserted(() -> assertThat(calls(segment, user)).hasSize(1));
    Call add = calls(segment, user).get(0);
    assertThat(add.action()).isEqualTo("add-user");
    assertThat(add.authorization()).isEqualTo("Bearer " + TOKEN);
    assertThat(add.contentType()).isEqualTo("application/json");
    assertThat(add.body())
        .isEqualTo(
            Json.createObjectBuilder().add("user_id", user).add("segment_code", segment).build());

    assertThat(Goals.complete(code, user).status()).isEqualTo(200);
    await()
        .atMost(WAIT)
        .untilAsserted(
            () ->
                assertThat(calls(segment, user))
                    .extracting(Call::action)
                    .containsExactly("add-user", "remove-user"));
    assertThat(Goals.assign(code, user, null).status()).isEqualTo(200);
    assertThat(Goals.timeout(code, user).status()).isEqualTo(200);
    await()
        .atMost(WAIT)
        .untilAsserted(
            () ->
                assertThat(calls(segment, user))
                    .extracting(Call::action)
                    .containsExactly("add-user", "remove-user", "add-user", "remove-user"));
    await()
        .atMost(WAIT)
        .untilAsserted(
            () ->
                assertThat(rows(segment, user))
                    .containsExactly(
                        List.of("add-user", "delivered", 1),
                        List.of("remove-user", "delivered", 1),
                        List.of("add-user", "delivered", 1),
                        List.of("remove-user", "delivered", 1)));
  }

  @Test
  void notFoundIsTakenAsDoneWithoutRetry() {
    String code = goal(404);
    String segment = "onboarding_" + code;
    long user = Goals.user();
    Goals.assign(code, user, null);
    await()
        .atMost(WAIT)
        .untilAsserted(
            () ->
                assertThat(rows(segment, user)).containsExactly(List.of("add-user", "ignored", 1)));
    // the next call of the user goes through; the ignored add was never sent again
    Goals.complete(code, user);
    await()
        .atMost(WAIT)
        .untilAsserted(
            () ->
                assertThat(rows(segment, user))
                    .containsExactly(
                        List.of("add-user", "ignored", 1), List.of("remove-user", "delivered", 1)));
    assertThat(calls(segment, user))
        .extracting(Call::action, Call::answered)
        .containsExactly(tuple("add-user", 404), tuple("remove-user", 200));
  }

  @Test
  void serverErrorsAreRetriedUntilDeliveredAndTheRemoveWaitsForTheAdd() {
    String code = goal(500, 500);
    String segment = "onboarding_" + code;
    long user = Goals.user();
    Goals.assign(code, user, null);
    Goals.complete(code, user);
    await()
        .atMost(WAIT)
        .untilAsserted(
            () ->
                assertThat(rows(segment, user))
                    .containsExactly(
                        List.of("add-user", "delivered", 3),
                        List.of("remove-user", "delivered", 1)));
    assertThat(calls(segment, user))
        .extracting(Call::action, Call::answered)
        .containsExactly(
            tuple("add-user", 500), tuple("add-user", 500),
            tuple("add-user", 200), tuple("remove-user", 200));
  }

  @Test
  void retriesAreBoundedAndFailuresAreVisibleToOperators() {
    String code = goal(503, 503, 503, 503, 503, 503);
    String segment = "onboarding_" + code;
    long user = Goals.user();
    Goals.assign(code, user, null);
    await()
        .atMost(WAIT)
        .untilAsserted(
            () -> assertThat(rows(segment, user)).containsExactly(List.of("add-user", "dead", 4)));
    assertThat(calls(segment, user)).hasSize(4);
    assertThat(
            Db.single(
                "select last_error from outbox_items where channel = 'remp' and payload ->> 'segment_code' = ?"
                    + " and (payload ->> 'user_id')::bigint = ?",
                segment,
                user))
        .isEqualTo("HTTP 503");

    var token = Api.createToken(null, "external-sync.status");
    Api.Reply status = Api.withToken(token.getKey()).get("/api/v1/external-sync/status");
    assertThat(status.status()).as(status.body()).isEqualTo(200);
    JsonObject remp = status.json().getJsonObject("remp_campaign");
    assertThat(remp.getBoolean("enabled")).isTrue();
    assertThat(remp.getJsonNumber("failed").longValue()).isPositive();
    assertThat(
            remp.getJsonArray("latest_failures").stream()
                .map(JsonObject.class::cast)
                .filter(
                    f ->
                        f.getString("segment_code").equals(segment)
                            && f.getJsonNumber("user_id").longValue() == user))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.getString("action")).isEqualTo("add-user");
              assertThat(f.getInt("attempts")).isEqualTo(4);
              assertThat(f.getString("last_error")).isEqualTo("HTTP 503");
            });
    // the token is only ever sent to REMP
    assertThat(status.body()).doesNotContain(TOKEN);
    assertThat(
            Db.single(
                "select count(*) from outbox_items where position(? in coalesce(last_error, '') || payload::text) > 0",
                TOKEN))
        .isEqualTo(0L);
  }
}
