package io.waymark.platform.api;

import static io.waymark.platform.api.Failures.failure;
import static org.assertj.core.api.Assertions.assertThat;

import io.waymark.platform.error.WaymarkException;
import java.util.Map;
import java.util.Optional;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;

/**
 * A shared-secret endpoint's authentication from its own keys: token ({@code ?token=} or Bearer),
 * IP allow-list, both, neither (refused unless open). Failures are SPEC §1's 403 reasons.
 */
class SharedSecretTest {

  private static final String PREFIX = "waymark.sms.webhook";
  private static final String TOKEN = "gw-Secret-4f1b9c";

  private static SharedSecret with(Map<String, String> keys) {
    return SharedSecret.of(PREFIX, key -> Optional.ofNullable(keys.get(key)));
  }

  private static void assertDenied(WaymarkException e, String reason) {
    assertThat(e.status()).isEqualTo(403);
    assertThat(e.code()).isEqualTo("no_authorization");
    assertThat(e.error()).isEqualTo("no_authorization");
    assertThat(e.getMessage()).isEqualTo("Not authorized: " + reason);
  }

  @Test
  void theTokenPassesAsQueryParameterOrBearer() {
    SharedSecret secret = with(Map.of(PREFIX + ".token", TOKEN));
    secret.check(TOKEN, null, "203.0.113.5");
    secret.check(null, "Bearer " + TOKEN, "203.0.113.5");
    // the URL's token counts even when the gateway sends a header of its own
    secret.check(TOKEN, "Basic Z3c6eA==", "203.0.113.5");
  }

  @Test
  void aWrongOrMissingTokenIsRefused() {
    SharedSecret secret = with(Map.of(PREFIX + ".token", TOKEN));
    assertDenied(failure(() -> secret.check("wrong", null, "203.0.113.5")), "Token does not exist");
    assertDenied(
        failure(() -> secret.check(null, "Bearer " + TOKEN + "x", "203.0.113.5")),
        "Token does not exist");
    assertDenied(
        failure(() -> secret.check(TOKEN.substring(1), null, "203.0.113.5")),
        "Token does not exist");
    assertDenied(
        failure(() -> secret.check(null, null, "203.0.113.5")), "Authorization header is missing");
    assertDenied(
        failure(() -> secret.check("", null, "203.0.113.5")), "Authorization header is missing");
    assertDenied(
        failure(() -> secret.check(null, "Basic " + TOKEN, "203.0.113.5")),
        "Authorization header is malformed");
  }

  @Test
  void anAllowListAloneAdmitsItsAddressesOnly() {
    SharedSecret secret =
        with(Map.of(PREFIX + ".allowed-ips", "198.51.100.0/24, 2001:db8::/32\n192.0.2.7"));
    secret.check(null, null, "198.51.100.77");
    secret.check(null, null, "2001:db8::1");
    secret.check(null, null, "::ffff:192.0.2.7");
    assertDenied(
        failure(() -> secret.check(TOKEN, null, "203.0.113.5")),
        "IP address 203.0.113.5 is not allowed");
    assertDenied(
        failure(() -> secret.check(null, null, "2001:db9::1")),
        "IP address 2001:db9::1 is not allowed");
  }

  @Test
  void bothConfiguredBothMustPass() {
    SharedSecret secret =
        with(Map.of(PREFIX + ".token", TOKEN, PREFIX + ".allowed-ips", "198.51.100.0/24"));
    secret.check(TOKEN, null, "198.51.100.1");
    assertDenied(
        failure(() -> secret.check(TOKEN, null, "203.0.113.5")),
        "IP address 203.0.113.5 is not allowed");
    assertDenied(
        failure(() -> secret.check("wrong", null, "198.51.100.1")), "Token does not exist");
  }

  @Test
  void neitherConfiguredRefusesEverythingUnlessOpen() {
    for (SharedSecret closed :
        new SharedSecret[] {
          with(Map.of()),
          with(Map.of(PREFIX + ".token", " ", PREFIX + ".allowed-ips", "")),
          with(Map.of(PREFIX + ".open", "false")),
          with(Map.of(PREFIX + ".open", "yes"))
        }) {
      assertDenied(
          failure(() -> closed.check(TOKEN, "Bearer " + TOKEN, "127.0.0.1")),
          "Token does not exist");
    }
    with(Map.of(PREFIX + ".open", "true")).check(null, null, "203.0.113.5");
    with(Map.of(PREFIX + ".open", " TRUE ")).check(null, null, "203.0.113.5");
  }

  @Test
  void openDoesNotLiftAConfiguredTokenOrList() {
    SharedSecret secret = with(Map.of(PREFIX + ".token", TOKEN, PREFIX + ".open", "true"));
    assertDenied(
        failure(() -> secret.check(null, null, "127.0.0.1")), "Authorization header is missing");
    SharedSecret listed =
        with(Map.of(PREFIX + ".allowed-ips", "198.51.100.1", PREFIX + ".open", "true"));
    assertDenied(
        failure(() -> listed.check(null, null, "127.0.0.1")),
        "IP address 127.0.0.1 is not allowed");
  }

  @Test
  void invalidEntriesOnlyNarrowTheList() {
    SharedSecret secret = with(Map.of(PREFIX + ".allowed-ips", "gateway.example.com, 10.0.0.300"));
    assertDenied(
        failure(() -> secret.check(null, null, "10.0.0.1")), "IP address 10.0.0.1 is not allowed");
    SharedSecret star = with(Map.of(PREFIX + ".allowed-ips", "*"));
    star.check(null, null, "203.0.113.5");
  }

  @Test
  void theTokenIsNeverLogged() {
    try (CapturedLog log = CapturedLog.of(SharedSecret.class)) {
      SharedSecret secret = with(Map.of(PREFIX + ".token", TOKEN));
      failure(() -> secret.check("wrong-" + TOKEN, null, "203.0.113.5"));
      secret.check(TOKEN, null, "203.0.113.5");
      assertThat(log.records()).isNotEmpty();
      for (LogRecord record : log.records()) {
        assertThat(String.valueOf(record.getMessage())).doesNotContain(TOKEN);
        for (Object parameter :
            record.getParameters() == null ? new Object[0] : record.getParameters()) {
          assertThat(String.valueOf(parameter)).doesNotContain(TOKEN);
        }
      }
    }
  }
}
