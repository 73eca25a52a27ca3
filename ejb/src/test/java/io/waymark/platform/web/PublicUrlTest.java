package io.waymark.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** waymark.public-url: what is accepted, and how each kind of Location ends up on it. */
class PublicUrlTest {

  private static final String FORGED = "http://evil.example";
  private final PublicUrl url = PublicUrl.parse("https://Waymark.Example.com:443/");

  @ParameterizedTest
  @CsvSource({
    "https://waymark.example.com, https://waymark.example.com/x",
    "https://waymark.example.com/, https://waymark.example.com/x",
    "HTTP://127.0.0.1:8080, http://127.0.0.1:8080/x",
    "http://127.0.0.1:80, http://127.0.0.1/x",
    "http://[2001:db8::1]:8080, http://[2001:db8::1]:8080/x",
  })
  void anOriginIsAccepted(String setting, String resolved) {
    assertThat(PublicUrl.parse(setting).resolve("/x")).isEqualTo(resolved);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "waymark.example.com | must be an absolute http:// or https:// URL",
        "ftp://waymark.example.com | must be an absolute http:// or https:// URL",
        "https:///x | has no host name",
        "https://user:secret@waymark.example.com | must not contain a user name or password",
        "https://waymark.example.com/?a=1 | must not have a query or a fragment",
        "https://waymark.example.com/#top | must not have a query or a fragment",
        "https://waymark.example.com/crm | must not have a path",
        "https://waymark example | is not a URL",
      })
  void anythingElseIsRefusedSayingWhy(String setting, String reason) {
    assertThatThrownBy(() -> PublicUrl.parse(setting))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("waymark.public-url '" + setting + "' ")
        .hasMessageContaining(reason);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "  "})
  void unsetMeansRelativeRedirects(String setting) {
    PublicUrl relative = PublicUrl.parse(setting);
    assertThat(relative.isSet()).isFalse();
    assertThat(relative.location(FORGED + "/login.xhtml?x=1", FORGED, "/admin/"))
        .isEqualTo("/login.xhtml?x=1");
    assertThat(relative.location("/admin/index.xhtml", FORGED, "/login.xhtml"))
        .isEqualTo("/admin/index.xhtml");
  }

  @ParameterizedTest
  @CsvSource({
    // what the container made absolute from the forged Host header
    "http://evil.example/login.xhtml, https://waymark.example.com/login.xhtml",
    "http://EVIL.example:80/admin/goals/list.xhtml?a=b, https://waymark.example.com/admin/goals/list.xhtml?a=b",
    "http://evil.example, https://waymark.example.com/",
    // paths written by the application
    "/admin/index.xhtml, https://waymark.example.com/admin/index.xhtml",
    "list.xhtml, https://waymark.example.com/admin/goals/list.xhtml",
    "../login.xhtml, https://waymark.example.com/admin/login.xhtml",
    // another site named on purpose stays as it is
    "https://oauth.example.org/authorize?x=1, https://oauth.example.org/authorize?x=1",
    "http://evil.example:8080/x, http://evil.example:8080/x",
  })
  void aLocationIsPutOnThePublicUrl(String location, String expected) {
    assertThat(url.location(location, FORGED, "/admin/goals/")).isEqualTo(expected);
  }
}
