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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
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
    return post(path, cookie, List.copyOf(form.entrySet()));
  }

  /** POSTs these form fields (URL-encoded, a name as often as it is given) in that session. */
  public static HttpResponse<String> post(
      String path, String cookie, List<Map.Entry<String, String>> form) {
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
    assertThat(submitted(formId, button, path, cookie, fields).statusCode())
        .as("the POST passed the CSRF check and reached JSF")
        .isEqualTo(200);
  }

  /**
   * As {@link #submit}, and answers JSF's response: the page again (200) or, after an action that
   * navigates, a redirect (302 / 303). Asserts the POST passed the CSRF check and its session was
   * still signed in.
   */
  public static HttpResponse<String> submitted(
      String formId, String button, String path, String cookie, Map<String, String> fields) {
    String html = get(path, cookie).body();
    Map<String, String> form = new LinkedHashMap<>();
    form.put(formId, formId);
    form.putAll(fields);
    form.put(formId + ":" + button, "");
    form.put("_csrf", field(html, "_csrf"));
    form.put("jakarta.faces.ViewState", field(html, "jakarta.faces.ViewState"));
    HttpResponse<String> response = post(path, cookie, form);
    assertThat(response.statusCode())
        .as("the POST passed the CSRF check and reached JSF")
        .isIn(200, 302, 303);
    assertThat(response.headers().firstValue("Location").orElse(""))
        .as("the POST's session was still signed in")
        .doesNotContain("/login.xhtml");
    return response;
  }

  /**
   * As {@link #submitted}, and sends what a browser would besides: the form's current values (its
   * enabled inputs, checked boxes, selected options and text areas, as the page rendered them),
   * {@code fields} replacing those of the same name. A field given as {@code ""} for a checkbox
   * unchecks it.
   */
  public static HttpResponse<String> submittedAsBrowser(
      String formId, String button, String path, String cookie, Map<String, String> fields) {
    String html = get(path, cookie).body();
    List<Map.Entry<String, String>> form = new ArrayList<>();
    form.add(Map.entry(formId, formId));
    for (Map.Entry<String, String> value : values(html, formId)) {
      if (!fields.containsKey(value.getKey())
          && !value.getKey().equals(formId)
          && !value.getKey().equals("_csrf")
          && !value.getKey().equals("jakarta.faces.ViewState")) {
        form.add(value);
      }
    }
    form.addAll(fields.entrySet());
    form.add(Map.entry(formId + ":" + button, ""));
    form.add(Map.entry("_csrf", field(html, "_csrf")));
    form.add(Map.entry("jakarta.faces.ViewState", field(html, "jakarta.faces.ViewState")));
    HttpResponse<String> response = post(path, cookie, form);
    assertThat(response.statusCode())
        .as("the POST passed the CSRF check and reached JSF")
        .isIn(200, 302, 303);
    assertThat(response.headers().firstValue("Location").orElse(""))
        .as("the POST's session was still signed in")
        .doesNotContain("/login.xhtml");
    return response;
  }

  private static final Pattern FORM =
      Pattern.compile("(?s)<form\\b[^>]*\\bid=\"([^\"]+)\"[^>]*>(.*?)</form>");
  private static final Pattern INPUT = Pattern.compile("<input\\b([^>]*)>");
  private static final Pattern SELECT = Pattern.compile("(?s)<select\\b([^>]*)>(.*?)</select>");
  private static final Pattern OPTION = Pattern.compile("<option\\b([^>]*)>");
  private static final Pattern TEXTAREA =
      Pattern.compile("(?s)<textarea\\b([^>]*)>(.*?)</textarea>");

  /** The values a browser would submit with that form of the page, in the page's order. */
  static List<Map.Entry<String, String>> values(String html, String formId) {
    Matcher form = FORM.matcher(html);
    String body = null;
    while (form.find()) {
      if (form.group(1).equals(formId)) {
        body = form.group(2);
        break;
      }
    }
    List<Map.Entry<String, String>> values = new ArrayList<>();
    if (body == null) {
      return values;
    }
    Matcher input = INPUT.matcher(body);
    while (input.find()) {
      String attributes = input.group(1);
      String name = attribute(attributes, "name");
      String type = attribute(attributes, "type");
      type = type == null ? "text" : type.toLowerCase(java.util.Locale.ROOT);
      if (name == null
          || disabled(attributes)
          || List.of("submit", "button", "image", "reset", "file").contains(type)
          || (type.equals("checkbox") || type.equals("radio")) && !flag(attributes, "checked")) {
        continue;
      }
      String value = attribute(attributes, "value");
      values.add(Map.entry(name, value == null ? (type.equals("checkbox") ? "on" : "") : value));
    }
    Matcher select = SELECT.matcher(body);
    while (select.find()) {
      String name = attribute(select.group(1), "name");
      if (name == null || disabled(select.group(1))) {
        continue;
      }
      Matcher option = OPTION.matcher(select.group(2));
      String first = null;
      boolean any = false;
      while (option.find()) {
        String value = attribute(option.group(1), "value");
        value = value == null ? "" : value;
        first = first == null ? value : first;
        if (flag(option.group(1), "selected")) {
          values.add(Map.entry(name, value));
          any = true;
        }
      }
      if (!any && first != null && !flag(select.group(1), "multiple")) {
        values.add(Map.entry(name, first));
      }
    }
    Matcher textarea = TEXTAREA.matcher(body);
    while (textarea.find()) {
      String name = attribute(textarea.group(1), "name");
      if (name != null && !disabled(textarea.group(1))) {
        values.add(Map.entry(name, unescape(textarea.group(2).replaceFirst("^\\r?\\n", ""))));
      }
    }
    return values;
  }

  private static boolean disabled(String attributes) {
    return flag(attributes, "disabled");
  }

  /** A boolean attribute, not a class or an aria- attribute that merely ends like it. */
  private static boolean flag(String attributes, String name) {
    return Pattern.compile("(?<![\\w-])" + name + "(?![\\w-])").matcher(attributes).find();
  }

  private static String attribute(String attributes, String name) {
    Matcher m = Pattern.compile("(?<![\\w-])" + name + "=\"([^\"]*)\"").matcher(attributes);
    return m.find() ? unescape(m.group(1)) : null;
  }

  private static String unescape(String html) {
    return html.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&#x27;", "'")
        .replace("&amp;", "&");
  }

  /**
   * Signs in with the console's login form over plain HTTP (no browser), as the page would: its
   * CSRF token and view state, then the redirect into the console. Answers the signed-in session's
   * cookie header (the session id changes at sign-in).
   */
  public static String signIn(String email, String password) {
    HttpResponse<String> page =
        send(HttpRequest.newBuilder(URI.create(TestServer.BASE + "/login.xhtml")).GET());
    String cookie = cookie(page, "");
    Map<String, String> form = new LinkedHashMap<>();
    form.put("login", "login");
    form.put("login:email", email);
    form.put("login:password", password);
    form.put("login:submit", "");
    form.put("_csrf", field(page.body(), "_csrf"));
    form.put("jakarta.faces.ViewState", field(page.body(), "jakarta.faces.ViewState"));
    HttpResponse<String> answer = post("/login.xhtml", cookie, form);
    assertThat(answer.statusCode()).as("sign-in of " + email + ": " + answer.body()).isIn(302, 303);
    assertThat(answer.headers().firstValue("Location").orElse("")).contains("/admin/");
    String signedIn = cookie(answer, cookie);
    assertThat(get("/admin/index.xhtml", signedIn).body())
        .as("signed in as " + email)
        .contains(email);
    return signedIn;
  }

  /** The cookie header after this response: its Set-Cookie values replace those of before. */
  private static String cookie(HttpResponse<String> response, String before) {
    Map<String, String> cookies = new LinkedHashMap<>();
    for (String pair : before.split(";\\s*")) {
      if (pair.contains("=")) {
        cookies.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
      }
    }
    for (String set : response.headers().allValues("Set-Cookie")) {
      String pair = set.split(";", 2)[0].strip();
      if (pair.contains("=")) {
        cookies.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
      }
    }
    return cookies.entrySet().stream()
        .map(e -> e.getKey() + "=" + e.getValue())
        .collect(Collectors.joining("; "));
  }

  /** The fields as an {@code application/x-www-form-urlencoded} body. */
  public static String encode(Map<String, String> form) {
    return encode(List.copyOf(form.entrySet()));
  }

  /** The fields, a name as often as it is given, as a form body. */
  public static String encode(List<Map.Entry<String, String>> form) {
    return form.stream()
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
