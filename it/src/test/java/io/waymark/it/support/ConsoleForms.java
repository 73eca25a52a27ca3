package io.waymark.it.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Hand-made console requests in a browser's session (its cookie): what a forged or scripted POST
 * would send, for tests that prove the console refuses what its pages do not offer (viewers, CSRF).
 */
public final class ConsoleForms {

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  private ConsoleForms() {}

  /** The page's HTML as that session gets it. */
  public static HttpResponse<String> get(String path, String cookie) {
    return send(
        HttpRequest.newBuilder(URI.create(TestServer.BASE + path)).header("Cookie", cookie).GET());
  }

  /** POSTs these form fields (URL-encoded) in that session. */
  public static HttpResponse<String> post(String path, String cookie, Map<String, String> form) {
    String body = encode(form);
    return send(
        HttpRequest.newBuilder(URI.create(TestServer.BASE + path))
            .header("Cookie", cookie)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  /**
   * Loads the page {@code path} in the session and submits its form {@code formId} with the button
   * {@code formId:button}, the given fields, the session's CSRF token and the view state, as JSF
   * would; asserts the POST passed the CSRF check and reached JSF.
   */
  public static void submit(
      String formId, String button, String path, String cookie, Map<String, String> fields) {
    String html = get(path, cookie).body();
    Map<String, String> form = new LinkedHashMap<>();
    form.put(formId, formId);
    form.putAll(fields);
    form.put(formId + ":" + button, "");
    form.put("_csrf", field(html, "_csrf"));
    form.put("jakarta.faces.ViewState", field(html, "jakarta.faces.ViewState"));
    assertThat(post(path, cookie, form).statusCode())
        .as("the POST passed the CSRF check and reached JSF")
        .isEqualTo(200);
  }

  /** The fields as an {@code application/x-www-form-urlencoded} body. */
  public static String encode(Map<String, String> form) {
    return form.entrySet().stream()
        .map(
            e ->
                URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                    + "="
                    + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }

  /**
   * The login form as the login page {@code html} (its CSRF token and view state) submits it with
   * that email and password.
   */
  public static Map<String, String> loginForm(String html, String email, String password) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("login", "login");
    form.put("login:email", email);
    form.put("login:password", password);
    form.put("login:submit", "");
    form.put("_csrf", field(html, "_csrf"));
    form.put("jakarta.faces.ViewState", field(html, "jakarta.faces.ViewState"));
    return form;
  }

  /** The value of the page's (hidden) input with that name. */
  public static String field(String html, String name) {
    Matcher m =
        Pattern.compile("name=\"" + Pattern.quote(name) + "\"[^>]*value=\"([^\"]+)\"")
            .matcher(html);
    assertThat(m.find()).as("field " + name + " in page").isTrue();
    return m.group(1);
  }

  private static HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new AssertionError("console request failed: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
