package io.waymark.it;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OperationsIT {

  @Test
  void readinessChecksTheDatabaseAndMessaging() {
    Api.Reply ready = Api.anonymous().get("/health/ready");
    assertThat(ready.status()).isEqualTo(200);
    assertThat(ready.json().getString("status")).isEqualTo("UP");
    assertThat(ready.body()).contains("waymark-database", "waymark-messaging");
  }

  @Test
  void metricsAreExposedForPrometheus() {
    Api.Reply metrics = Api.anonymous().header("Accept", "text/plain").get("/metrics");
    assertThat(metrics.status()).isEqualTo(200);
    assertThat(metrics.body()).contains("# TYPE");
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
