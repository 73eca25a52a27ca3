package io.waymark.it.users;

import static io.waymark.it.support.ApiAssertions.assertError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.waymark.it.support.Api;
import io.waymark.it.support.Db;
import io.waymark.it.support.TestServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Login throttling of the API (issue 14): per email and client address, counted in the database,
 * with the suite's default settings (5 free failures, then 30 s doubling per failure). The suite
 * reaches the server from 127.0.0.1 only, so "another address" is a row staged with SQL; the key of
 * an address is unit-tested (ClientNetworksTest, LoginThrottleTest). Time passes by moving this
 * table's timestamps back, never by waiting.
 */
class LoginThrottleIT {

  private static final String PASSWORD = "correct-horse-7";
  private static final int FREE = 5;
  private static final String ACCOUNT = "sha256(convert_to(lower(?), 'UTF8'))";

  @Test
  void afterFiveFailuresTheNextAttemptIs429WithRetryAfterAndTheRightPasswordIsRefusedToo() {
    String email = Api.email("throttle-right");
    Api.createUser(email, PASSWORD);
    for (int i = 1; i <= FREE; i++) {
      // the email as typed differently still counts as the same account
      String typed = i % 2 == 0 ? " " + email.toUpperCase() + " " : email;
      assertError(login(typed, "wrong-" + i), 400, "invalid_credential", "Invalid credential");
    }
    Api.Reply throttled = login(email, "wrong-6");
    assertTooManyAttempts(throttled, 30);

    Api.Reply right = login(email, PASSWORD);
    assertTooManyAttempts(right, 30);
    assertThat(right.body()).doesNotContain("token");
    // counted per account and address; the refused attempts are not counted
    assertThat(
            Db.query(
                "select client_key, failures from login_failures where account_key = " + ACCOUNT,
                email))
        .containsExactly(List.of("127.0.0.1", FREE));
  }

  @Test
  void unknownEmailsAreThrottledExactlyLikeKnownOnes() {
    String nobody = Api.email("throttle-nobody");
    for (int i = 1; i <= FREE; i++) {
      assertError(login(nobody, PASSWORD), 400, "identity_not_found", "Identity not found");
    }
    assertTooManyAttempts(login(nobody, PASSWORD), 30);
  }

  @Test
  void anotherAccountFromTheSameAddressIsNotAffected() {
    String attacked = Api.email("throttle-attacked");
    String other = Api.email("throttle-other");
    Api.createUser(attacked, PASSWORD);
    Api.createUser(other, PASSWORD);
    throttle(attacked);
    assertTooManyAttempts(login(attacked, PASSWORD), 30);

    Api.Reply ok = login(other, PASSWORD);
    assertThat(ok.status()).as(ok.body()).isEqualTo(200);
    assertThat(ok.json().getJsonObject("access").getString("token")).startsWith("wmu_");
  }

  @Test
  void theAccountThrottledOnAnotherAddressStillSignsInFromThisOne() {
    String email = Api.email("throttle-elsewhere");
    Api.createUser(email, PASSWORD);
    // no test can connect from another address: the pair blocked there
    stageFailures(email, "203.0.113.7", 12, "interval '15 minutes'");

    Api.Reply ok = login(email, PASSWORD);
    assertThat(ok.status()).as(ok.body()).isEqualTo(200);
    // the success forgets this address's failures only
    assertThat(
            Db.query("select client_key from login_failures where account_key = " + ACCOUNT, email))
        .containsExactly(List.of("203.0.113.7"));
  }

  @Test
  void onceTheDelayHasPassedTheRightPasswordWorksAndForgetsTheFailures() {
    String email = Api.email("throttle-later");
    Api.createUser(email, PASSWORD);
    throttle(email);
    assertTooManyAttempts(login(email, PASSWORD), 30);

    passTheDelay(email);
    Api.Reply ok = login(email, PASSWORD);
    assertThat(ok.status()).as(ok.body()).isEqualTo(200);
    assertThat(
            Db.single("select count(*) from login_failures where account_key = " + ACCOUNT, email))
        .isEqualTo(0L);
    // counting starts again from nothing: five more failures before a refusal
    for (int i = 1; i <= FREE; i++) {
      assertError(login(email, "wrong-" + i), 400, "invalid_credential", "Invalid credential");
    }
    assertTooManyAttempts(login(email, PASSWORD), 30);
  }

  @Test
  void eachFailureAfterTheDelayDoublesTheNextDelay() {
    String email = Api.email("throttle-double");
    Api.createUser(email, PASSWORD);
    throttle(email);
    assertThat(delaySeconds(email)).isEqualTo(30);

    passTheDelay(email);
    assertError(login(email, "wrong-again"), 400, "invalid_credential", "Invalid credential");
    assertThat(delaySeconds(email)).isEqualTo(60);
    Api.Reply throttled = login(email, PASSWORD);
    assertTooManyAttempts(throttled, 60);
    assertThat(Long.parseLong(throttled.header("Retry-After"))).isGreaterThan(30);

    passTheDelay(email);
    assertError(login(email, "and-again"), 400, "invalid_credential", "Invalid credential");
    assertThat(delaySeconds(email)).isEqualTo(120);
  }

  @Test
  void failuresAreForgottenAnHourAfterTheLastOne() {
    String email = Api.email("throttle-window");
    Api.createUser(email, PASSWORD);
    for (int i = 1; i < FREE; i++) {
      assertError(login(email, "wrong-" + i), 400, "invalid_credential", "Invalid credential");
    }
    Db.update(
        "update login_failures set last_failed_at = last_failed_at - interval '61 minutes',"
            + " blocked_until = blocked_until - interval '61 minutes' where account_key = "
            + ACCOUNT,
        email);
    // the fifth failure within the window would block; after it, counting starts again
    assertError(login(email, "wrong-5"), 400, "invalid_credential", "Invalid credential");
    assertThat(
            Db.single("select failures from login_failures where account_key = " + ACCOUNT, email))
        .isEqualTo(1);
    assertThat(login(email, PASSWORD).status()).isEqualTo(200);
  }

  @Test
  void rowsOlderThanTheWindowArePurgedWhenANewRowIsWritten() {
    String forgotten = Api.email("throttle-forgotten");
    // staged: a pair whose last failure is a day old (no API can write the past)
    Db.update(
        "insert into login_failures (account_key, client_key, failures, last_failed_at,"
            + " blocked_until) values ("
            + ACCOUNT
            + ", '203.0.113.9', 3, now() - interval '1 day', now() - interval '1 day')",
        forgotten);

    assertThat(login(Api.email("throttle-new-row"), PASSWORD).status()).isEqualTo(400);
    assertThat(
            Db.single(
                "select count(*) from login_failures where account_key = " + ACCOUNT, forgotten))
        .isEqualTo(0L);
  }

  @Test
  void badInputIsStillTheUsual400WhileThrottledAndIsNotCounted() {
    String email = Api.email("throttle-input");
    Api.createUser(email, PASSWORD);
    throttle(email);
    assertTooManyAttempts(login(email, PASSWORD), 30);

    Api.Reply noPassword =
        Api.anonymous().post("/api/v1/users/login", "{\"email\":\"" + email + "\"}");
    assertError(noPassword, 400, "invalid_password", "Password is required");
    Api.Reply wrongType =
        Api.anonymous()
            .post("/api/v1/users/login", "{\"email\":\"" + email + "\",\"password\":42}");
    assertError(wrongType, 400, "payload_error", "Payload error");
    Api.Reply malformed = Api.anonymous().post("/api/v1/users/login", "{\"email\":");
    assertError(malformed, 400, "malformed_json", "Malformed JSON");
    assertThat(
            Db.single("select failures from login_failures where account_key = " + ACCOUNT, email))
        .isEqualTo(FREE);
    // and the form variant is throttled like JSON
    Api.Reply form =
        Api.anonymous()
            .header("Content-Type", "application/x-www-form-urlencoded")
            .post(
                "/api/v1/users/login",
                "email=" + email.replace("@", "%40") + "&password=" + PASSWORD);
    assertTooManyAttempts(form, 30);
  }

  @Test
  void anAccountFailingFromManyNetworksIsAWarningInTheLogButIsNotLocked() throws IOException {
    String email = Api.email("throttle-spread");
    long id = Api.createUser(email, PASSWORD).getJsonNumber("id").longValue();
    // staged: 19 failures of the account from two other networks within the window
    stageFailures(email, "203.0.113.7", 12, "interval '15 minutes'");
    stageFailures(email, "198.51.100.0", 7, "interval '0 seconds'");
    String wrong = "wrong-" + id;
    assertError(login(email, wrong), 400, "invalid_credential", "Invalid credential");

    String expected = "Account " + id + " has had 20 failed sign-ins from 3 client networks";
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(() -> assertThat(serverLog()).anyMatch(record -> record.contains(expected)));
    assertThat(serverLog())
        .filteredOn(record -> record.contains(expected))
        .allMatch(record -> record.contains("[WARNING]"))
        .noneMatch(record -> record.contains(email) || record.contains(wrong));
    // only a notice: this network still signs in
    assertThat(login(email, PASSWORD).status()).isEqualTo(200);
  }

  /**
   * Stages failures of the email from another client network (staged: the suite can only connect
   * from 127.0.0.1), the last one now, blocked for {@code blockedFor} (an SQL interval).
   */
  private static void stageFailures(String email, String client, int failures, String blockedFor) {
    Db.update(
        "insert into login_failures (account_key, client_key, failures, last_failed_at,"
            + " blocked_until) values ("
            + ACCOUNT
            + ", ?, ?, now(), now() + "
            + blockedFor
            + ")",
        email,
        client,
        failures);
  }

  /**
   * The records of the instance's Payara log (the launcher's domain in the data directory), each
   * {@code [time] [server] [LEVEL] ... [[ message ]]} over several lines.
   */
  private static List<String> serverLog() throws IOException {
    String log =
        Files.readString(
            Path.of(TestServer.DATA_DIR, "payara6/glassfish/domains/waymark/logs/server.log"),
            StandardCharsets.UTF_8);
    return List.of(log.split("(?m)^(?=\\[\\d{4}-)"));
  }

  /** Five wrong passwords: the pair is then blocked for the first delay. */
  private static void throttle(String email) {
    for (int i = 1; i <= FREE; i++) {
      assertThat(login(email, "wrong-" + i).status()).isEqualTo(400);
    }
  }

  /**
   * Makes the current delay of the email's rows pass: both timestamps move back by it, plus 1 s.
   */
  private static void passTheDelay(String email) {
    Db.update(
        "update login_failures set last_failed_at = last_failed_at - (blocked_until - now())"
            + " - interval '1 second', blocked_until = now() - interval '1 second'"
            + " where account_key = "
            + ACCOUNT,
        email);
  }

  /** How long the email's last failure blocks it, in seconds. */
  private static long delaySeconds(String email) {
    Object seconds =
        Db.single(
            "select extract(epoch from blocked_until - last_failed_at)::bigint from login_failures"
                + " where account_key = "
                + ACCOUNT,
            email);
    return ((Number) seconds).longValue();
  }

  private static void assertTooManyAttempts(Api.Reply reply, long maxSeconds) {
    assertThat(reply.status()).as(reply.body()).isEqualTo(429);
    String retryAfter = reply.header("Retry-After");
    assertThat(retryAfter).as("Retry-After").isNotNull().matches("\\d+");
    long seconds = Long.parseLong(retryAfter);
    assertThat(seconds).isBetween(1L, maxSeconds);
    assertError(
        reply,
        429,
        "too_many_attempts",
        "Too many failed attempts; try again in "
            + seconds
            + (seconds == 1 ? " second" : " seconds"));
  }

  private static Api.Reply login(String email, String password) {
    return Api.anonymous()
        .post(
            "/api/v1/users/login",
            "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}");
  }
}
