package io.waymark.it.support;

import static org.assertj.core.api.Assertions.assertThat;

/** Membership as the API answers it ({@code GET /api/v1/user-segments/check} by user id). */
public final class SegmentChecks {

  private SegmentChecks() {}

  public static boolean member(String segment, long user) {
    Api.Reply reply =
        Api.bootstrap()
            .get(
                "/api/v1/user-segments/check?code="
                    + segment
                    + "&resolver_type=id&resolver_value="
                    + user);
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    return reply.json().getBoolean("check");
  }
}
