package io.waymark.it.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.waymark.it.support.Api;
import io.waymark.it.support.ConsoleForms;
import io.waymark.it.support.RawHttp;
import io.waymark.it.support.TestServer;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Every redirect and {@code Location} is built from {@code waymark.public-url} (the suite's server
 * runs with http://127.0.0.1:port), never from the request's {@code Host} header, which any client
 * can forge (cache poisoning, links to a phishing host): Jakarta Security's redirect to the login
 * page and back, the login's own redirect, the console's folder redirects, JSF's {@code
 * ExternalContext.redirect} and a JAX-RS 201's {@code Location}.
 */
class PublicUrlIT {

  private static final String EVIL = "evil.example";
  private static final RawHttp FORGED = RawHttp.direct().header("Host", EVIL);
  private static final String BASE = TestServer.BASE;

  @Test
  void aProtectedPageSendsAnAnonymousVisitorToTheLoginPageOnThePublicUrl() {
    assertRedirect(FORGED.get("/admin/"), BASE + "/login.xhtml");
    assertRedirect(FORGED.get("/admin/goals/list.xhtml"), BASE + "/login.xhtml");
    // a folder without its slash: to the folder or straight to the login page, on the public URL
    assertOnPublicUrl(FORGED.get("/admin"));
    assertOnPublicUrl(FORGED.get("/admin/goals"));
  }

  @Test
  void theLoginContinuesToTheRequestedPageAndConsoleRedirectsStayOnThePublicUrl() {
    RawHttp.Reply asked = FORGED.get("/admin/tokens/list.xhtml?after=");
    assertRedirect(asked, BASE + "/login.xhtml");
    RawHttp visitor = FORGED.header("Cookie", asked.cookie("JSESSIONID"));
    RawHttp.Reply page = visitor.get("/login.xhtml");
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body()).doesNotContain(EVIL);

    Map<String, String> form =
        ConsoleForms.loginForm(page.body(), TestServer.ADMIN_EMAIL, TestServer.ADMIN_PASSWORD);
    RawHttp.Reply login = visitor.postForm("/login.xhtml", form);
    assertRedirect(login, BASE + "/admin/tokens/list.xhtml?after=");

    RawHttp admin = FORGED.header("Cookie", login.cookie("JSESSIONID"));
    assertThat(admin.get("/admin/tokens/list.xhtml").status()).isEqualTo(200);
    // the console's folder URL goes to the module's list page
    assertRedirect(admin.get("/admin/goals/"), BASE + "/admin/goals/list.xhtml");
    // folders without their slash, which the container would redirect itself
    assertRedirect(admin.get("/admin"), BASE + "/admin/");
    assertRedirect(admin.get("/admin/goals"), BASE + "/admin/goals/");
    // JSF's ExternalContext.redirect: the login page for someone signed in already
    assertRedirect(admin.get("/login.xhtml"), BASE + "/admin/index.xhtml");
  }

  @Test
  void aCreatedResourcesLocationIsOnThePublicUrl() {
    String code = "public-url-" + UUID.randomUUID().toString().substring(0, 8);
    RawHttp.Reply created =
        FORGED
            .header("Authorization", "Bearer " + TestServer.BOOTSTRAP_TOKEN)
            .postJson("/api/v1/onboarding-goals", "{\"code\":\"" + code + "\",\"name\":\"x\"}");
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    assertThat(created.header("Location")).isEqualTo(BASE + "/api/v1/onboarding-goals/" + code);
    assertThat(created.all()).doesNotContain(EVIL);
    // and it names the goal
    Api.Reply goal = Api.bootstrap().get("/api/v1/onboarding-goals/" + code);
    assertThat(goal.status()).isEqualTo(200);
  }

  private static void assertOnPublicUrl(RawHttp.Reply reply) {
    assertThat(reply.status()).as(reply.all()).isBetween(301, 303);
    assertThat(reply.header("Location")).startsWith(BASE + "/");
    assertThat(reply.all()).doesNotContain(EVIL);
  }

  private static void assertRedirect(RawHttp.Reply reply, String location) {
    assertThat(reply.status()).as(reply.all()).isBetween(301, 303);
    assertThat(reply.header("Location")).isEqualTo(location);
    assertThat(reply.all()).doesNotContain(EVIL);
  }
}
