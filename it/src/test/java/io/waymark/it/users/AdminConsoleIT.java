package io.waymark.it.users;

import static io.waymark.it.support.TestServer.ADMIN_EMAIL;
import static io.waymark.it.support.TestServer.ADMIN_PASSWORD;
import static io.waymark.it.support.TestServer.BASE;
import static io.waymark.it.support.TestServer.BOOTSTRAP_TOKEN;
import static org.assertj.core.api.Assertions.assertThat;

import io.waymark.it.support.Browser;
import io.waymark.it.support.Console;
import io.waymark.it.support.ConsoleForms;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The admin console in headless Chromium against the real EAR: sign-in and sign-out, API tokens
 * created and granted in the console and then used against the API, what viewers may not do, keyset
 * paging of users, CSRF refusal.
 */
class AdminConsoleIT {

  @RegisterExtension final Console console = new Console();

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private static final By MESSAGES = By.id("messages");

  private final String run = UUID.randomUUID().toString().substring(0, 8);

  @Test
  void adminCreatesTokenGrantsResourcesAndTheApiHonoursIt() throws Exception {
    Browser admin = signedIn(ADMIN_EMAIL, ADMIN_PASSWORD);
    assertThat(admin.text(By.id("current-user"), ADMIN_EMAIL).getText()).isEqualTo(ADMIN_EMAIL);
    assertThat(admin.driver().findElement(By.id("current-role")).getText()).isEqualTo("admin");

    admin.driver().findElement(By.cssSelector("a.wm-nav-tokens")).click();
    admin.visible(By.id("create:name"));

    // bad input: no name — a message, no token, no secret
    admin.driver().findElement(By.id("create:submit")).click();
    admin.text(MESSAGES, "Name: is required");
    assertThat(admin.present(By.id("secret"))).isFalse();

    String name = "it-console-" + run;
    admin.type(By.id("create:name"), name);
    check(admin, "create:resources", "api-resources.list");
    admin.driver().findElement(By.id("create:submit")).click();
    String secret = admin.visible(By.id("secret")).getText().strip();
    assertThat(secret).startsWith("wma_").hasSizeGreaterThan(40);
    admin.text(MESSAGES, "Copy its secret now");
    admin.screenshot("token-created");
    // other tests create tokens too, so the new one need not be on the list's first page: keep its
    // own link
    String tokenPage =
        admin.driver().findElement(By.id("dismiss:open-created")).getAttribute("href");

    // shown once: a new look at the page does not show it again
    admin.driver().navigate().refresh();
    admin.visible(By.id("create:name"));
    assertThat(admin.present(By.id("secret"))).isFalse();
    assertThat(admin.driver().getPageSource()).doesNotContain(secret);

    HttpResponse<String> resources = api("GET", "/api/v1/api-resources", secret, null);
    assertThat(resources.statusCode()).isEqualTo(200);
    assertThat(json(resources).getJsonArray("resources").toString())
        .contains("\"users.create\"", "\"api-tokens.manage\"");
    String newUser = "{\"email\":\"granted-" + run + "@it.waymark.test\"}";
    assertNotAuthorized(
        api("POST", "/api/v1/users", secret, newUser),
        "Token has no access to resource [users.create]");

    // grant users.create on the token's page
    admin.open(tokenPage);
    admin.visible(By.id("token:save"));
    check(admin, "token:resources", "users.create");
    admin.driver().findElement(By.id("token:save")).click();
    admin.text(MESSAGES, "Saved.");
    admin.text(By.id("token:current-resources"), "users.create");
    admin.screenshot("token-granted");
    assertThat(api("POST", "/api/v1/users", secret, newUser).statusCode()).isEqualTo(201);
    assertNotAuthorized(
        api("GET", "/api/v1/api-tokens", secret, null),
        "Token has no access to resource [api-tokens.manage]");

    // bad IP restrictions: a clear message, nothing changed
    admin.type(By.id("token:ip"), "10.0.0.0/8, not-an-ip");
    admin.driver().findElement(By.id("token:save")).click();
    admin.text(MESSAGES, "IP restrictions: 'not-an-ip' is not an IP address or CIDR range");
    admin.screenshot("token-bad-ip");
    assertThat(admin.driver().findElement(By.id("token:current-ip")).getText()).isEqualTo("*");
    assertThat(api("GET", "/api/v1/api-resources", secret, null).statusCode()).isEqualTo(200);

    admin.type(By.id("token:ip"), "10.0.0.0/8");
    admin.driver().findElement(By.id("token:save")).click();
    admin.textIs(By.id("token:current-ip"), "10.0.0.0/8");
    assertNotAuthorized(
        api("GET", "/api/v1/api-resources", secret, null), "IP address 127.0.0.1 is not allowed");

    admin.type(By.id("token:ip"), "127.0.0.0/8 ::1");
    admin.driver().findElement(By.id("token:save")).click();
    admin.textIs(By.id("token:current-ip"), "127.0.0.0/8 ::1");
    assertThat(api("GET", "/api/v1/api-resources", secret, null).statusCode()).isEqualTo(200);

    // revoke and deactivate
    check(admin, "token:resources", "api-resources.list");
    admin.driver().findElement(By.id("token:save")).click();
    admin
        .waiting()
        .until(
            d ->
                !d.findElement(By.id("token:current-resources"))
                    .getText()
                    .contains("api-resources.list"));
    assertNotAuthorized(
        api("GET", "/api/v1/api-resources", secret, null),
        "Token has no access to resource [api-resources.list]");
    admin.driver().findElement(By.id("token:toggle-active")).click();
    admin.textIs(By.id("token:state"), "inactive");
    assertNotAuthorized(
        api(
            "POST",
            "/api/v1/users",
            secret,
            "{\"email\":\"inactive-" + run + "@it.waymark.test\"}"),
        "Token is not active");
    admin.driver().findElement(By.id("token:toggle-active")).click();
    admin.textIs(By.id("token:state"), "active");
    assertThat(
            api(
                    "POST",
                    "/api/v1/users",
                    secret,
                    "{\"email\":\"active-again-" + run + "@it.waymark.test\"}")
                .statusCode())
        .isEqualTo(201);
  }

  @Test
  void viewerCanLookButNotChangeAndLogoutEndsTheSession() throws Exception {
    String email = "viewer-" + run + "@it.waymark.test";
    String password = "viewer-Secret-" + run;
    HttpResponse<String> created =
        api(
            "POST",
            "/api/v1/users",
            BOOTSTRAP_TOKEN,
            "{\"email\":\""
                + email
                + "\",\"password\":\""
                + password
                + "\",\"public_name\":\"Viewer "
                + run
                + "\"}");
    assertThat(created.statusCode()).isEqualTo(201);

    // no role yet: a CRM user cannot sign in to the console
    Browser viewer = console.browser();
    viewer.submitLogin(email, password);
    viewer.text(MESSAGES, "Sign-in failed");
    assertThat(viewer.driver().getCurrentUrl()).contains("/login.xhtml");

    // an admin makes the user a viewer
    Browser admin = signedIn(ADMIN_EMAIL, ADMIN_PASSWORD);
    admin.open(BASE + "/admin/users/list.xhtml");
    admin.type(By.id("search-email"), "viewer-" + run);
    admin.driver().findElement(By.id("search-submit")).click();
    admin
        .waiting()
        .until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("a.wm-user-link"), 1));
    admin.driver().findElement(By.linkText(email)).click();
    admin.text(By.id("user:current-roles"), "none");
    check(admin, "user:roles", "viewer");
    admin.driver().findElement(By.id("user:save")).click();
    admin.text(MESSAGES, "Saved");
    admin.textIs(By.id("user:current-roles"), "viewer");

    // the admin signs out: back on the login page, and the console asks for a login again
    admin.driver().findElement(By.id("logout:submit")).click();
    admin.text(By.id("notice"), "You have been signed out.");
    admin.open(BASE + "/admin/tokens/list.xhtml");
    admin.waiting().until(ExpectedConditions.urlContains("/login.xhtml"));
    assertThat(admin.present(By.id("login:email"))).isTrue();

    // the viewer signs in, sees tokens and users, and is offered no way to change them
    viewer.submitLogin(email, password);
    viewer.waiting().until(ExpectedConditions.urlContains("/admin/"));
    assertThat(viewer.text(By.id("current-role"), "viewer").getText()).isEqualTo("viewer");
    viewer.open(BASE + "/admin/tokens/list.xhtml");
    viewer.visible(By.id("tokens"));
    assertThat(viewer.present(By.id("create"))).isFalse();
    assertThat(viewer.present(By.id("create:submit"))).isFalse();
    viewer.screenshot("viewer-tokens");
    // not even a hand-made POST of the create form creates a token for a viewer: the form is not
    // part of their page
    String cookie =
        "JSESSIONID=" + viewer.driver().manage().getCookieNamed("JSESSIONID").getValue();
    String page =
        HTTP.send(
                HttpRequest.newBuilder(URI.create(BASE + "/admin/tokens/list.xhtml"))
                    .header("Cookie", cookie)
                    .GET()
                    .build(),
                HttpResponse.BodyHandlers.ofString())
            .body();
    String forged = "it-viewer-forged-" + run;
    Map<String, String> form =
        createForm(forged, ConsoleForms.field(page, "jakarta.faces.ViewState"));
    form.put("_csrf", ConsoleForms.field(page, "_csrf"));
    HttpResponse<String> attempt = ConsoleForms.post("/admin/tokens/list.xhtml", cookie, form);
    assertThat(attempt.body()).doesNotContain("wma_");
    assertThat(tokenNames()).doesNotContain(forged);

    viewer.driver().findElement(By.cssSelector("a.wm-token-link")).click();
    viewer.visible(By.id("token:id"));
    assertThat(viewer.present(By.id("token:save"))).isFalse();
    assertThat(viewer.present(By.id("token:toggle-active"))).isFalse();
    viewer.open(
        BASE + "/admin/users/list.xhtml?email=" + URLEncoder.encode(email, StandardCharsets.UTF_8));
    viewer.driver().findElement(By.linkText(email)).click();
    viewer.text(By.id("user:current-roles"), "viewer");
    assertThat(viewer.present(By.id("user:save"))).isFalse();
    assertThat(
            viewer
                .driver()
                .findElement(By.cssSelector("input[name='user:roles'][value='admin']"))
                .isEnabled())
        .isFalse();

    // an admin takes the role away: the viewer's open session ends at its next request
    admin.submitLogin(ADMIN_EMAIL, ADMIN_PASSWORD);
    admin.waiting().until(ExpectedConditions.urlContains("/admin/"));
    admin.open(viewer.driver().getCurrentUrl());
    check(admin, "user:roles", "viewer");
    admin.driver().findElement(By.id("user:save")).click();
    admin.text(By.id("user:current-roles"), "none");
    viewer.driver().navigate().refresh();
    viewer.text(By.id("notice"), "Your account was changed by an admin");
  }

  @Test
  void usersListPagesByIdAndSearchesByEmailPrefix() throws Exception {
    String prefix = "page-" + run + "-";
    for (int i = 0; i < 27; i++) {
      String body = "{\"email\":\"" + prefix + String.format("%02d", i) + "@it.waymark.test\"}";
      assertThat(api("POST", "/api/v1/users", BOOTSTRAP_TOKEN, body).statusCode()).isEqualTo(201);
    }
    Browser admin = signedIn(ADMIN_EMAIL, ADMIN_PASSWORD);
    admin.open(BASE + "/admin/users/list.xhtml?email=" + prefix.toUpperCase());
    assertThat(emailsShown(admin)).hasSize(25).first().isEqualTo(prefix + "00@it.waymark.test");
    assertThat(admin.present(By.id("previous"))).isFalse();
    admin.screenshot("users-first-page");

    admin.driver().findElement(By.id("next")).click();
    admin.waiting().until(d -> emailsShown(admin).size() == 2);
    assertThat(emailsShown(admin))
        .containsExactly(prefix + "25@it.waymark.test", prefix + "26@it.waymark.test");
    assertThat(admin.present(By.id("next"))).isFalse();

    admin.driver().findElement(By.id("previous")).click();
    admin.waiting().until(d -> emailsShown(admin).size() == 25);
    assertThat(emailsShown(admin).get(0)).isEqualTo(prefix + "00@it.waymark.test");

    admin.open(BASE + "/admin/users/list.xhtml?after=abc");
    admin.text(MESSAGES, "'abc' is not a page position");
  }

  @Test
  void everyConsolePostNeedsTheSessionsCsrfToken() throws Exception {
    Browser admin = console.browser();
    admin.open(BASE + "/login.xhtml");
    admin.visible(By.id("login:email"));
    String beforeLogin = admin.driver().manage().getCookieNamed("JSESSIONID").getValue();

    // a login form posted without the token is refused as well
    HttpResponse<String> login =
        ConsoleForms.post(
            "/login.xhtml",
            "JSESSIONID=" + beforeLogin,
            Map.of(
                "login",
                "login",
                "login:email",
                ADMIN_EMAIL,
                "login:password",
                ADMIN_PASSWORD,
                "login:submit",
                "",
                "jakarta.faces.ViewState",
                ConsoleForms.field(admin.driver().getPageSource(), "jakarta.faces.ViewState")));
    assertThat(login.statusCode()).isEqualTo(403);

    admin.submitLogin(ADMIN_EMAIL, ADMIN_PASSWORD);
    admin.waiting().until(ExpectedConditions.urlContains("/admin/"));
    admin.visible(By.id("current-user"));
    Cookie session = admin.driver().manage().getCookieNamed("JSESSIONID");
    assertThat(session.getValue()).as("a new session id after login").isNotEqualTo(beforeLogin);
    assertThat(session).isNotNull();
    assertThat(session.isHttpOnly()).isTrue();
    assertThat(session.getSameSite()).isEqualToIgnoringCase("Strict");

    // the same session, outside the browser: load the page, then post its create form with and
    // without the token
    String cookie = "JSESSIONID=" + session.getValue();
    HttpResponse<String> page =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(BASE + "/admin/tokens/list.xhtml"))
                .header("Cookie", cookie)
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(page.statusCode()).isEqualTo(200);
    String viewState = ConsoleForms.field(page.body(), "jakarta.faces.ViewState");
    String csrf = ConsoleForms.field(page.body(), "_csrf");

    String name = "it-csrf-" + run;
    Map<String, String> form = createForm(name, viewState);

    HttpResponse<String> missing = ConsoleForms.post("/admin/tokens/list.xhtml", cookie, form);
    assertThat(missing.statusCode()).isEqualTo(403);
    assertThat(missing.body()).contains("security token is missing or wrong");
    form.put("_csrf", "forged-" + csrf.substring(7));
    assertThat(ConsoleForms.post("/admin/tokens/list.xhtml", cookie, form).statusCode())
        .isEqualTo(403);
    assertThat(tokenNames()).doesNotContain(name);

    form.put("_csrf", csrf);
    HttpResponse<String> accepted = ConsoleForms.post("/admin/tokens/list.xhtml", cookie, form);
    assertThat(accepted.statusCode()).isEqualTo(200);
    assertThat(accepted.body()).contains("wma_");
    assertThat(tokenNames()).contains(name);
  }

  // --- browser steps

  /** A new window that opens the console, is sent to the login page and signs in. */
  private Browser signedIn(String email, String password) {
    Browser browser = console.browser();
    browser.open(BASE + "/admin/");
    browser.waiting().until(ExpectedConditions.urlContains("/login.xhtml"));
    return browser.signIn(email, password);
  }

  /**
   * Toggles the PrimeFaces checkbox with that value in a selectManyCheckbox, by its label, as a
   * user would.
   */
  private static void check(Browser browser, String group, String value) {
    WebElement input =
        browser
            .driver()
            .findElement(By.cssSelector("input[name='" + group + "'][value='" + value + "']"));
    boolean before = input.isSelected();
    browser
        .driver()
        .findElement(By.cssSelector("label[for='" + input.getAttribute("id") + "']"))
        .click();
    browser.waiting().until(d -> input.isSelected() != before);
  }

  private static List<String> emailsShown(Browser browser) {
    return browser.driver().findElements(By.cssSelector("a.wm-user-link")).stream()
        .map(WebElement::getText)
        .toList();
  }

  // --- HTTP

  static HttpResponse<String> api(String method, String path, String token, String body)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(BASE + path))
            .timeout(Duration.ofSeconds(30))
            .header("Authorization", "Bearer " + token)
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** The fields the token page's create form posts (without the CSRF field). */
  private static Map<String, String> createForm(String name, String viewState) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("create", "create");
    form.put("create:name", name);
    form.put("create:ip", "*");
    form.put("create:submit", "");
    form.put("jakarta.faces.ViewState", viewState);
    return form;
  }

  private static List<String> tokenNames() throws Exception {
    HttpResponse<String> list = api("GET", "/api/v1/api-tokens?limit=1000", BOOTSTRAP_TOKEN, null);
    assertThat(list.statusCode()).isEqualTo(200);
    return json(list).getJsonArray("items").getValuesAs(JsonObject.class).stream()
        .map(o -> o.getString("name"))
        .toList();
  }

  private static void assertNotAuthorized(HttpResponse<String> response, String reason) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(403);
    JsonObject body = json(response);
    assertThat(body.getString("message")).isEqualTo("Not authorized: " + reason);
    assertThat(body.getString("code")).isEqualTo("no_authorization");
  }

  private static JsonObject json(HttpResponse<String> response) {
    try (var reader = Json.createReader(new StringReader(response.body()))) {
      return reader.readObject();
    }
  }
}
