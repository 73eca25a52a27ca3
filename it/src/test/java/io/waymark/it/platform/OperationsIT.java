package io.waymark.it.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.waymark.it.support.Api;
import org.junit.jupiter.api.Test;

class OperationsIT {

  @Test
  void readinessChecksTheDatabaseAndMessaging() {
    Api.Reply ready = Api.anonymous().get("/health/ready");
    assertThat(ready.status()).isEqualTo(200);
    assertThat(ready.json().getString("status")).isEqualTo("UP");
    assertThat(ready.body()).contains("waymark-database", "waymark-messaging");
  }

  /**
   * What the server's {@code /metrics} shows: its JVM figures and the application's database pool
   * in Prometheus text.
   */
  @Test
  void metricsShowTheJvmAndTheApplicationsDatabasePoolToPrometheus() {
    Api.Reply metrics = Api.anonymous().header("Accept", "text/plain").get("/metrics");
    assertThat(metrics.status()).isEqualTo(200);
    assertThat(metrics.header("Content-Type")).startsWith("text/plain");
    assertThat(metrics.body())
        .containsPattern("(?m)^jvm_uptime_seconds\\{mp_scope=\"base\"} [0-9.E]+$")
        .containsPattern("(?m)^# TYPE connection_pool_WaymarkPool_usedConnection\\w* ");
  }

  /**
   * The application's own metrics (ADR 0020), to a token granted {@code ops.metrics}: the sweeps'
   * runs on this server (the outbox's net has run: its period is 1 s here) and the outbox backlog.
   */
  @Test
  void theApplicationsMetricsShowTheSweepsAndTheOutboxToPrometheus() {
    var token = Api.createToken(null, "ops.metrics");
    Api.Reply metrics = Api.withToken(token.getKey()).get("/api/v1/ops/metrics");
    assertThat(metrics.status()).as(metrics.body()).isEqualTo(200);
    assertThat(metrics.header("Content-Type")).startsWith("text/plain");
    assertThat(metrics.body())
        .contains("# TYPE waymark_sweep_runs_total counter\n")
        .containsPattern("(?m)^waymark_sweep_runs_total\\{sweep=\"outbox.deliver\"} [1-9][0-9]*$")
        .containsPattern("(?m)^waymark_sweep_healthy\\{sweep=\"goals.timeouts\"} [01]$")
        .containsPattern(
            "(?m)^waymark_outbox_items\\{channel=\"webhook\",state=\"pending\"} [0-9]+$");
    assertThat(Api.bootstrap().get("/api/v1/ops/metrics").status()).isEqualTo(200);
    Api.Reply refused =
        Api.withToken(Api.createToken(null, "ops.sweeps").getKey()).get("/api/v1/ops/metrics");
    assertThat(refused.status()).isEqualTo(403);
  }

  @Test
  void theOpenApiDocumentListsTheEndpoints() {
    Api.Reply openapi = Api.anonymous().header("Accept", "application/json").get("/openapi");
    assertThat(openapi.status()).isEqualTo(200);
    // the API is its own web module at /api (ADR 0015): the server's URL carries /api, the paths
    // the rest
    assertThat(openapi.body())
        .containsPattern("\"url\":\"https?://[^\"]+/api\"")
        .contains("\"/v1/users\":", "\"/v1/api-tokens\":", "\"/v1/users/login\":");
  }
}
