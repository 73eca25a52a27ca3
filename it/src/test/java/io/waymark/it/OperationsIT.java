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
    Api.Reply openapi = Api.anonymous().get("/openapi");
    assertThat(openapi.status()).isEqualTo(200);
    assertThat(openapi.body()).contains("/api/v1/users", "/api/v1/api-tokens", "/api/v1/users/login");
  }
}
