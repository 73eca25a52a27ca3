package io.waymark.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.waymark.platform.error.WaymarkException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BearerTokenTest {

  @Test
  void readsTheToken() {
    assertThat(BearerToken.parse("Bearer wma_abc-DEF_123")).isEqualTo("wma_abc-DEF_123");
    assertThat(BearerToken.parse("Bearer some.jwt.like+token/=="))
        .isEqualTo("some.jwt.like+token/==");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   "})
  void missingHeader(String header) {
    assertThatThrownBy(() -> BearerToken.parse(header))
        .isInstanceOf(WaymarkException.class)
        .hasMessage("Not authorized: Authorization header is missing");
    assertThatThrownBy(() -> BearerToken.parse(null))
        .hasMessage("Not authorized: Authorization header is missing");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Basic dXNlcjpwYXNz",
        "Bearer",
        "Bearer ",
        "bearer abc",
        "Token abc",
        "Bearer a b",
        "Bearer  abc",
        "abc",
        "Bearer ab\"c"
      })
  void everyOtherShapeIsMalformed(String header) {
    assertThatThrownBy(() -> BearerToken.parse(header))
        .isInstanceOfSatisfying(
            WaymarkException.class,
            e -> {
              assertThat(e.status()).isEqualTo(403);
              assertThat(e.code()).isEqualTo("no_authorization");
            })
        .hasMessage("Not authorized: Authorization header is malformed");
  }
}
