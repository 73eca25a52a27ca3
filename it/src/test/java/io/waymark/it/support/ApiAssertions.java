package io.waymark.it.support;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;

/** Assertions on the API's error shape (SPEC §1), shared by every feature's tests. */
public final class ApiAssertions {

  private ApiAssertions() {}

  /** The reply is that error: status, JSON content type, {@code status}, code and message. */
  public static void assertError(Api.Reply reply, int status, String code, String message) {
    assertThat(reply.status()).as(reply.body()).isEqualTo(status);
    assertThat(reply.header("Content-Type")).startsWith("application/json");
    assertThat(reply.json().getString("status")).isEqualTo("error");
    assertThat(reply.json().getString("code")).isEqualTo(code);
    assertThat(reply.json().getString("message")).isEqualTo(message);
  }

  /** The reply is the 403 {@code no_authorization} refusal with that reason. */
  public static void assertDenied(Api.Reply reply, String reason) {
    assertThat(reply.status()).isEqualTo(403);
    JsonObject body = reply.json();
    assertThat(body.getString("status")).isEqualTo("error");
    assertThat(body.getString("message")).isEqualTo("Not authorized: " + reason);
    assertThat(body.getString("error")).isEqualTo("no_authorization");
    assertThat(body.getString("code")).isEqualTo("no_authorization");
  }
}
