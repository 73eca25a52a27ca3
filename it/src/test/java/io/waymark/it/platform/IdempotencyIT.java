package io.waymark.it.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.waymark.it.support.Api;
import io.waymark.it.support.Db;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class IdempotencyIT {

  @Test
  void aRetryWithTheSameKeyReplaysWithoutExecutingAgain() {
    String key = UUID.randomUUID().toString();
    String email = Api.email("idem");
    String body = "{\"email\":\"" + email + "\"}";
    Api.Reply first = Api.bootstrap().header("Idempotency-Key", key).post("/api/v1/users", body);
    Api.Reply second = Api.bootstrap().header("Idempotency-Key", key).post("/api/v1/users", body);
    assertThat(first.status()).isEqualTo(201);
    assertThat(second.status()).isEqualTo(201);
    assertThat(second.json()).isEqualTo(first.json());
    assertThat(second.header("Idempotent-Replayed")).isEqualTo("true");
    assertThat(Db.single("select count(*) from users where email = ?", email)).isEqualTo(1L);
  }

  @Test
  void theSameKeyWithAnotherBodyIsRefused() {
    String key = UUID.randomUUID().toString();
    assertThat(
            Api.bootstrap()
                .header("Idempotency-Key", key)
                .post("/api/v1/users", "{\"email\":\"" + Api.email("idem-a") + "\"}")
                .status())
        .isEqualTo(201);
    String other = Api.email("idem-b");
    Api.Reply reused =
        Api.bootstrap()
            .header("Idempotency-Key", key)
            .post("/api/v1/users", "{\"email\":\"" + other + "\"}");
    assertThat(reused.status()).isEqualTo(422);
    assertThat(reused.json().getString("code")).isEqualTo("idempotency_key_reused");
    assertThat(Db.single("select count(*) from users where email = ?", other)).isEqualTo(0L);
  }

  @Test
  void clientErrorsAreStoredAndReplayedToo() {
    String key = UUID.randomUUID().toString();
    String email = Api.email("idem-taken");
    Api.createUser(email, null);
    String body = "{\"email\":\"" + email + "\"}";
    Api.Reply first = Api.bootstrap().header("Idempotency-Key", key).post("/api/v1/users", body);
    assertThat(first.status()).isEqualTo(409);
    Api.Reply again = Api.bootstrap().header("Idempotency-Key", key).post("/api/v1/users", body);
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
  }

  @Test
  void keysAreScopedToTheCallingToken() {
    String key = UUID.randomUUID().toString();
    var other = Api.createToken(null, "users.create");
    String a = Api.email("scope-a");
    String b = Api.email("scope-b");
    assertThat(
            Api.bootstrap()
                .header("Idempotency-Key", key)
                .post("/api/v1/users", "{\"email\":\"" + a + "\"}")
                .status())
        .isEqualTo(201);
    assertThat(
            Api.withToken(other.getKey())
                .header("Idempotency-Key", key)
                .post("/api/v1/users", "{\"email\":\"" + b + "\"}")
                .status())
        .isEqualTo(201);
  }

  @Test
  void concurrentRequestsWithOneKeyExecuteOnce() throws Exception {
    String key = UUID.randomUUID().toString();
    String email = Api.email("idem-race");
    String body = "{\"email\":\"" + email + "\"}";
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<Api.Reply>> replies = new ArrayList<>();
      for (int i = 0; i < 16; i++) {
        replies.add(
            pool.submit(
                () -> Api.bootstrap().header("Idempotency-Key", key).post("/api/v1/users", body)));
      }
      for (Future<Api.Reply> reply : replies) {
        Api.Reply r = reply.get();
        assertThat(r.status()).as(r.body()).isIn(201, 409);
        if (r.status() == 409) {
          assertThat(r.json().getString("code")).isEqualTo("idempotency_key_in_progress");
        }
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(Db.single("select count(*) from users where email = ?", email)).isEqualTo(1L);
  }

  @Test
  void anEmptyKeyIsABadParameter() {
    Api.Reply reply =
        Api.bootstrap()
            .header("Idempotency-Key", " ")
            .post("/api/v1/users", "{\"email\":\"" + Api.email("idem-empty") + "\"}");
    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.json().getString("code")).isEqualTo("invalid_input");
  }
}
