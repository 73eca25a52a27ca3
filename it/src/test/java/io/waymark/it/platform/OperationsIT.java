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
   * What {@code /metrics} shows today: the server's JVM figures and the application's database pool
   * in Prometheus text. Waymark publishes no metric of its own yet (mp_scope="application"): the
   * sweep scaffold of issue 15 brings the first ones, and this test will then require them.
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
