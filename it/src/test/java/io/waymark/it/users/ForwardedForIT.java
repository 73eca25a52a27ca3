package io.waymark.it.users;

import static io.waymark.it.support.ApiAssertions.assertDenied;
import static io.waymark.it.support.ApiAssertions.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import io.waymark.it.support.Api;
import io.waymark.it.support.ConsoleForms;
import io.waymark.it.support.Db;
import io.waymark.it.support.RawHttp;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The client address behind a reverse proxy ({@code waymark.proxy.trusted}, the suite's server
 * trusts 127.0.0.2 — a second loopback address the tests connect from): only a trusted peer's
 * {@code X-Forwarded-For} is believed, and then its rightmost address that is no trusted proxy;
 * anyone else's header is ignored, so rotating it does not get around the login throttle. The API
 * login, the console login and API tokens' IP restrictions all see the same address.
 */
class ForwardedForIT {

  private static final String PASSWORD = "correct-horse-7";
  private static final String ACCOUNT = "sha256(convert_to(lower(?), 'UTF8'))";
  private static final RawHttp PROXY = RawHttp.from(RawHttp.TRUSTED_PROXY);

  @Test
  void anUntrustedClientCannotDodgeTheThrottleByRotatingXForwardedFor() {
    String email = Api.email("xff-untrusted");
    Api.createUser(email, PASSWORD);
    for (int i = 1; i <= 5; i++) {
      Api.Reply failed =
          Api.anonymous()
              .header("X-Forwarded-For", "198.51.100." + i)
              .post(login(), json(email, "wrong"));
      assertError(failed, 400, "invalid_credential", "Invalid credential");
    }
    Api.Reply throttled =
        Api.anonymous()
            .header("X-Forwarded-For", "198.51.100.99")
            .post(login(), json(email, PASSWORD));
    assertThat(throttled.status()).as(throttled.body()).isEqualTo(429);
    assertThat(failures(email)).containsExactly(List.of("127.0.0.1", 5));
  }

  @Test
  void behindTheTrustedProxyEachForwardedClientIsThrottledOnItsOwn() {
    String email = Api.email("xff-trusted");
    Api.createUser(email, PASSWORD);
    for (int i = 1; i <= 5; i++) {
      // the client forges the left part; the proxy appended the address it saw
      RawHttp.Reply failed =
          PROXY
              .header("X-Forwarded-For", "192.0.2." + i + ", 203.0.113.50")
              .postJson(login(), json(email, "wrong"));
      assertThat(failed.status()).as(failed.body()).isEqualTo(400);
    }
    assertThat(failures(email)).containsExactly(List.of("203.0.113.50", 5));
    RawHttp.Reply throttled =
        PROXY.header("X-Forwarded-For", "203.0.113.50").postJson(login(), json(email, PASSWORD));
    assertThat(throttled.status()).as(throttled.body()).isEqualTo(429);

    // another client behind the same proxy is not affected
    RawHttp.Reply other =
        PROXY.header("X-Forwarded-For", "203.0.113.51").postJson(login(), json(email, PASSWORD));
    assertThat(other.status()).as(other.body()).isEqualTo(200);
  }

  @Test
  void theConsoleLoginCountsTheForwardedClientToo() {
    String email = Api.email("xff-console");
    RawHttp browser = PROXY.header("X-Forwarded-For", "203.0.113.70");
    RawHttp.Reply page = browser.get("/login.xhtml");
    assertThat(page.status()).isEqualTo(200);
    RawHttp session = browser.header("Cookie", page.cookie("JSESSIONID"));
    Map<String, String> form = ConsoleForms.loginForm(page.body(), email, "wrong");
    RawHttp.Reply refused = session.postForm("/login.xhtml", form);
    assertThat(refused.body()).contains("Sign-in failed");
    assertThat(failures(email)).containsExactly(List.of("203.0.113.70", 1));
  }

  @Test
  void ipRestrictionsSeeTheSameAddress() {
    String token = "Bearer " + Api.createToken("203.0.113.60", "api-resources.list").getKey();
    RawHttp.Reply forwarded =
        PROXY
            .header("Authorization", token)
            .header("X-Forwarded-For", "203.0.113.60")
            .get("/api/v1/api-resources");
    assertThat(forwarded.status()).as(forwarded.body()).isEqualTo(200);

    RawHttp.Reply otherClient =
        PROXY
            .header("Authorization", token)
            .header("X-Forwarded-For", "203.0.113.61")
            .get("/api/v1/api-resources");
    assertThat(otherClient.status()).isEqualTo(403);
    assertThat(otherClient.body()).contains("IP address 203.0.113.61 is not allowed");

    // the same header from a client that is no proxy is ignored
    assertDenied(
        Api.withToken(token.substring(7))
            .header("X-Forwarded-For", "203.0.113.60")
            .get("/api/v1/api-resources"),
        "IP address 127.0.0.1 is not allowed");
  }

  private static String login() {
    return "/api/v1/users/login";
  }

  private static String json(String email, String password) {
    return "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}";
  }

  private static List<List<Object>> failures(String email) {
    return Db.query(
        "select client_key, failures from login_failures where account_key = " + ACCOUNT, email);
  }
}
