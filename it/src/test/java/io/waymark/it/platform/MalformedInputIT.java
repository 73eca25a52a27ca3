package io.waymark.it.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.waymark.it.support.Api;
import io.waymark.it.support.CampaignFixtures;
import io.waymark.it.support.Db;
import io.waymark.it.support.Goals;
import io.waymark.it.support.Mails;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every API endpoint the running server's OpenAPI document lists, fed malformed input (#14 item 3):
 * each field of the endpoint's valid sample body replaced by a NUL, a 10,000-character string, an
 * array nested 1,001 deep, a 1,200-digit number and every other JSON type, and every path and query
 * parameter given {@code %00}. No answer may be a 5xx, every 4xx has the error shape of SPEC §1,
 * and a refused create leaves its table's row count as it was (a refused update its resource). A
 * new endpoint is covered by being in the OpenAPI document: its valid sample body is its own
 * {@code @RequestBody} example, and one with a body but no example fails the test.
 */
class MalformedInputIT {

  private static final String MARK = "__mutation__";
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z_]+)}");

  /**
   * A valid body of each endpoint that takes one: its OpenAPI example (the resource's
   * {@code @RequestBody} sample), adapted to this instance by {@link #adapt}.
   */
  private static final Map<String, String> SAMPLES = new TreeMap<>();

  /**
   * The table a create endpoint adds to: a refused request must leave its row count alone. An
   * endpoint whose sample answers 201 and that is missing here fails the test.
   */
  private static final Map<String, String> TABLES =
      Map.ofEntries(
          Map.entry("POST /v1/users", "users"),
          Map.entry("POST /v1/user-fields", "user_field_definitions"),
          Map.entry("POST /v1/point-groups", "point_groups"),
          Map.entry("POST /v1/api-tokens", "api_tokens"),
          Map.entry("POST /v1/campaigns", "campaigns"),
          Map.entry("POST /v1/campaigns/one-time-banners", "campaign_one_time_banners"),
          Map.entry("POST /v1/email-templates", "email_templates"),
          Map.entry("POST /v1/email-templates/{code}/send", "outbox_items"),
          Map.entry("POST /v1/events", "tracked_events"),
          Map.entry("POST /v1/onboarding-goals", "onboarding_goals"),
          Map.entry("POST /v1/scenarios/create", "scenarios"),
          Map.entry("POST /v1/segments", "segments"));

  /** Creates answering 201 that add no row to a table of their own. */
  private static final List<String> CREATES_WITHOUT_TABLE =
      List.of("POST /v1/ops/messaging-checks");

  /**
   * The example with references pointing at this instance's fixtures and the values that must be
   * unique made so by a {@code {unique}} placeholder (filled per request), by field name: {@code
   * user_id}, {@code banner_id} and {@code goal_code} anywhere; {@code code}, {@code name}, {@code
   * id}, {@code email}, {@code dedup_key} and {@code idempotency_key} at the top. Login takes the
   * fixture account's email and password.
   */
  private static JsonValue adapt(String endpoint, String key, JsonValue value, boolean top) {
    if (value instanceof JsonObject object) {
      var copy = Json.createObjectBuilder();
      object.forEach((k, v) -> copy.add(k, adapt(endpoint, k, v, key == null)));
      return copy.build();
    }
    if (value.getValueType() == JsonValue.ValueType.ARRAY) {
      var copy = Json.createArrayBuilder();
      value.asJsonArray().forEach(v -> copy.add(adapt(endpoint, key, v, false)));
      return copy.build();
    }
    if (key == null) {
      return value;
    }
    boolean login = endpoint.endsWith("/login");
    switch (key) {
      case "user_id", "user_ids":
        return Json.createValue(Long.parseLong(FIXTURES.get("user")));
      case "banner_id":
        return Json.createValue(Long.parseLong(FIXTURES.get("banner")));
      case "goal_code":
        return Json.createValue(FIXTURES.get("goal"));
      default:
        break;
    }
    if (!top || !(value instanceof JsonString text)) {
      return value;
    }
    return switch (key) {
      case "email" ->
          Json.createValue(login ? FIXTURES.get("login") : "mi-{unique}@it.example.com");
      case "password" -> login ? Json.createValue(LOGIN_PASSWORD) : value;
      // a custom field's code is an identifier: no hyphen
      case "code" ->
          Json.createValue(
              text.getString() + (endpoint.endsWith("/user-fields") ? "_{ident}" : "-{unique}"));
      case "id", "dedup_key", "idempotency_key" -> Json.createValue(text.getString() + "-{unique}");
      case "name" -> Json.createValue(text.getString() + " {unique}");
      default -> value;
    };
  }

  private static final String LOGIN_PASSWORD = "Secret-mi-1";

  /** The running server's operations (its OpenAPI document). */
  private static final List<Operation> OPERATIONS = new ArrayList<>();

  /** Values of the placeholders: fixtures made through the API. */
  private static final Map<String, String> FIXTURES = new LinkedHashMap<>();

  @BeforeAll
  static void fixtures() {
    long user = CampaignFixtures.user();
    FIXTURES.put("user", String.valueOf(user));
    String login = Api.email("mi-login");
    Api.createUser(login, LOGIN_PASSWORD);
    FIXTURES.put("login", login);
    FIXTURES.put("goal", Goals.createSimple("mi"));
    JsonObject campaign = CampaignFixtures.create("");
    FIXTURES.put("campaign", String.valueOf(CampaignFixtures.id(campaign)));
    FIXTURES.put(
        "banner",
        String.valueOf(
            campaign.getJsonArray("banners").getJsonObject(0).getJsonNumber("id").longValue()));
    String template = Mails.code("mi");
    Mails.create(template, "Hi", "<p>Hi</p>", "Hi");
    FIXTURES.put("template", template);
    FIXTURES.put("token", String.valueOf(Api.createToken("*", "api-resources.list").getValue()));
    OPERATIONS.addAll(operations());
    for (Operation op : OPERATIONS) {
      if (op.example() != null) {
        SAMPLES.put(op.key(), adapt(op.key(), null, parse(op.example()), true).toString());
      }
    }
    Api.Reply created =
        Api.bootstrap().post("/api/v1/segments", fill(SAMPLES.get("POST /v1/segments")));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    FIXTURES.put("segment", created.json().getJsonObject("segment").getString("code"));
    String members = "mi-static-" + unique();
    Api.Reply listed =
        Api.bootstrap()
            .post(
                "/api/v1/segments",
                "{\"code\":\"" + members + "\",\"name\":\"MI static\",\"kind\":\"static\"}");
    assertThat(listed.status()).as(listed.body()).isEqualTo(201);
    FIXTURES.put("static-segment", members);
    Api.Reply scenario =
        Api.bootstrap()
            .post("/api/v1/scenarios/create", fill(SAMPLES.get("POST /v1/scenarios/create")));
    assertThat(scenario.status()).as(scenario.body()).isEqualTo(201);
    FIXTURES.put("scenario", String.valueOf(scenario.json().getJsonNumber("id").longValue()));
    Api.Reply check = Api.bootstrap().post("/api/v1/ops/messaging-checks", "{\"rollback\":true}");
    assertThat(check.status()).as(check.body()).isEqualTo(201);
    FIXTURES.put(
        "check",
        String.valueOf(check.json().getJsonObject("check").getJsonNumber("id").longValue()));
  }

  private static String unique() {
    return UUID.randomUUID().toString().substring(0, 13);
  }

  /** The sample with its placeholders filled in ({@code {unique}} and {@code {ident}} fresh). */
  private static String fill(String template) {
    return fill(template, true);
  }

  /** With {@code unique} false, {@code {unique}} stays (it is inside strings: still JSON). */
  private static String fill(String template, boolean unique) {
    Matcher m = PLACEHOLDER.matcher(template);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String name = m.group(1);
      String value =
          "unique".equals(name)
              ? (unique ? unique() : m.group())
              : "ident".equals(name)
                  ? (unique ? unique().replace("-", "") : m.group())
                  : FIXTURES.get(name);
      m.appendReplacement(out, Matcher.quoteReplacement(value == null ? m.group() : value));
    }
    m.appendTail(out);
    return out.toString();
  }

  /** The fixture a path parameter of an endpoint names. */
  private static String pathValue(String path, String parameter) {
    if (path.startsWith("/v1/api-tokens/")) {
      return FIXTURES.get("token");
    } else if (path.startsWith("/v1/campaigns/")) {
      return FIXTURES.get("campaign");
    } else if (path.startsWith("/v1/email-templates/")) {
      return FIXTURES.get("template");
    } else if (path.startsWith("/v1/onboarding-goals/")) {
      return FIXTURES.get("goal");
    } else if (path.startsWith("/v1/ops/messaging-checks/")) {
      return FIXTURES.get("check");
    } else if (path.startsWith("/v1/ops/sweeps/")) {
      return "idempotency.purge";
    } else if (path.startsWith("/v1/scenarios/")) {
      return FIXTURES.get("scenario");
    } else if (path.startsWith("/v1/segments/") && path.endsWith("/members")) {
      return FIXTURES.get("static-segment");
    } else if (path.startsWith("/v1/segments/")) {
      return FIXTURES.get("segment");
    } else if (path.startsWith("/v1/users/")) {
      return FIXTURES.get("user");
    }
    throw new AssertionError("no fixture for {" + parameter + "} of " + path + ": add one");
  }

  /** An operation; {@code example} is its request body's OpenAPI example ("sample"), if any. */
  record Operation(
      String method,
      String path,
      List<String> pathParams,
      List<String> queryParams,
      boolean body,
      String example) {
    String key() {
      return method + " " + path;
    }

    String url(Map<String, String> pathValues) {
      String url = "/api" + path;
      for (String p : pathParams) {
        url = url.replace("{" + p + "}", pathValues.getOrDefault(p, pathValue(path, p)));
      }
      return url;
    }
  }

  /** Every operation of the running server's OpenAPI document. */
  private static List<Operation> operations() {
    Api.Reply openapi = Api.anonymous().header("Accept", "application/json").get("/openapi");
    assertThat(openapi.status()).isEqualTo(200);
    JsonObject paths = openapi.json().getJsonObject("paths");
    List<Operation> out = new ArrayList<>();
    for (var path : paths.entrySet()) {
      for (var op : path.getValue().asJsonObject().entrySet()) {
        JsonObject operation = op.getValue().asJsonObject();
        List<String> pathParams = new ArrayList<>();
        List<String> queryParams = new ArrayList<>();
        for (JsonValue p :
            operation.getJsonArray("parameters") == null
                ? List.<JsonValue>of()
                : operation.getJsonArray("parameters")) {
          JsonObject param = p.asJsonObject();
          if ("path".equals(param.getString("in"))) {
            pathParams.add(param.getString("name"));
          } else if ("query".equals(param.getString("in"))) {
            queryParams.add(param.getString("name"));
          }
        }
        out.add(
            new Operation(
                op.getKey().toUpperCase(java.util.Locale.ROOT),
                path.getKey(),
                pathParams,
                queryParams,
                jsonBody(operation),
                example(operation)));
      }
    }
    return out;
  }

  /**
   * Whether the operation takes a JSON body: any documented body but one documented only as XML
   * (the SMS webhook's, whose safe parsing MobiletechWebhookIT covers).
   */
  private static boolean jsonBody(JsonObject operation) {
    JsonObject body = operation.getJsonObject("requestBody");
    if (body == null) {
      return false;
    }
    JsonObject content = body.getJsonObject("content");
    return content == null
        || content.isEmpty()
        || content.keySet().stream().anyMatch(type -> !type.endsWith("/xml"));
  }

  /** The JSON text of the request body's example named "sample", or null. */
  private static String example(JsonObject operation) {
    JsonObject body = operation.getJsonObject("requestBody");
    if (body == null || body.getJsonObject("content") == null) {
      return null;
    }
    JsonObject json = body.getJsonObject("content").getJsonObject("application/json");
    if (json == null || json.getJsonObject("examples") == null) {
      return null;
    }
    JsonObject sample = json.getJsonObject("examples").getJsonObject("sample");
    if (sample == null) {
      return null;
    }
    JsonValue value = sample.get("value");
    // a server may keep the example as the text it was given (the body is read as a string)
    return value instanceof JsonString text ? text.getString() : value.toString();
  }

  /** The JSON paths of every value in a document (objects and arrays included, the root not). */
  private static void paths(JsonValue value, String at, List<String> out) {
    if (!at.isEmpty()) {
      out.add(at);
    }
    if (value instanceof JsonObject object) {
      object.forEach((k, v) -> paths(v, at.isEmpty() ? k : at + "." + k, out));
    } else if (value.getValueType() == JsonValue.ValueType.ARRAY) {
      var array = value.asJsonArray();
      for (int i = 0; i < array.size(); i++) {
        paths(array.get(i), at + "[" + i + "]", out);
      }
    }
  }

  /** The document with the value at {@code path} replaced by a marker string. */
  private static JsonValue mark(JsonValue value, String path, String at) {
    if (at.equals(path)) {
      return Json.createValue(MARK);
    }
    if (value instanceof JsonObject object) {
      var copy = Json.createObjectBuilder();
      object.forEach((k, v) -> copy.add(k, mark(v, path, at.isEmpty() ? k : at + "." + k)));
      return copy.build();
    }
    if (value.getValueType() == JsonValue.ValueType.ARRAY) {
      var array = value.asJsonArray();
      var copy = Json.createArrayBuilder();
      for (int i = 0; i < array.size(); i++) {
        copy.add(mark(array.get(i), path, at + "[" + i + "]"));
      }
      return copy.build();
    }
    return value;
  }

  private static JsonValue at(JsonValue value, String path) {
    JsonValue[] found = new JsonValue[1];
    find(value, path, "", found);
    return Objects.requireNonNull(found[0], path);
  }

  private static void find(JsonValue value, String path, String at, JsonValue[] found) {
    if (at.equals(path)) {
      found[0] = value;
    } else if (value instanceof JsonObject object) {
      object.forEach((k, v) -> find(v, path, at.isEmpty() ? k : at + "." + k, found));
    } else if (value.getValueType() == JsonValue.ValueType.ARRAY) {
      var array = value.asJsonArray();
      for (int i = 0; i < array.size(); i++) {
        find(array.get(i), path, at + "[" + i + "]", found);
      }
    }
  }

  /** Name → JSON text of each mutation of a value. */
  private static Map<String, String> mutations(JsonValue original) {
    Map<String, String> out = new LinkedHashMap<>();
    String nul =
        original instanceof JsonString s
            ? Json.createValue(s.getString() + "\u0000").toString()
            : "\"\\u0000\"";
    out.put("nul", nul);
    out.put("long-string", "\"" + "x".repeat(10_000) + "\"");
    out.put("depth-1001", "[".repeat(1_001) + "]".repeat(1_001));
    out.put("digits-1200", "1" + "0".repeat(1_199));
    JsonValue.ValueType type = original.getValueType();
    if (type != JsonValue.ValueType.STRING) {
      out.put("type-string", "\"text\"");
    }
    if (type != JsonValue.ValueType.NUMBER) {
      out.put("type-number", "12345");
    }
    if (type != JsonValue.ValueType.OBJECT) {
      out.put("type-object", "{}");
    }
    if (type != JsonValue.ValueType.ARRAY) {
      out.put("type-array", "[]");
    }
    if (type != JsonValue.ValueType.TRUE && type != JsonValue.ValueType.FALSE) {
      out.put("type-boolean", "true");
    }
    out.put("type-null", "null");
    return out;
  }

  private static JsonValue parse(String text) {
    try (var reader = Json.createReader(new StringReader(text))) {
      return reader.readValue();
    }
  }

  private static long rows(String table) {
    return ((Number) Db.single("select count(*) from " + table)).longValue();
  }

  /** The fields of the sample as the resource's GET shows them, for a PUT with a GET beside it. */
  private static String state(Operation op, String url, JsonObject sample) {
    if (!"PUT".equals(op.method())) {
      return null;
    }
    Api.Reply got = Api.bootstrap().get(url);
    if (got.status() != 200) {
      return null;
    }
    JsonObject entity =
        got.json().values().stream()
            .filter(v -> v instanceof JsonObject)
            .map(JsonValue::asJsonObject)
            .findFirst()
            .orElse(got.json());
    StringBuilder out = new StringBuilder();
    sample.keySet().forEach(k -> out.append(k).append('=').append(entity.get(k)).append(';'));
    return out.toString();
  }

  private final List<String> failures = new ArrayList<>();
  private final Map<String, Map<String, Integer>> coverage = new TreeMap<>();

  private void check(Operation op, String mutation, String url, Api.Reply reply) {
    coverage.computeIfAbsent(op.key(), k -> new TreeMap<>()).merge(mutation, 1, Integer::sum);
    String what = op.key() + " [" + mutation + "] " + url.substring(0, Math.min(url.length(), 80));
    if (mutation.startsWith("path-nul") && reply.status() == 400 && reply.body().isEmpty()) {
      // Payara refuses a URI with %00 in its path itself ("400 Invalid URI"), before any
      // application, error page or filter sees it: counted, not the application's answer
      coverage.get(op.key()).merge("path-nul refused by the server", 1, Integer::sum);
    } else if (reply.status() >= 500) {
      failures.add(what + ": " + reply.status() + " " + shorten(reply.body()));
    } else if (reply.status() >= 400) {
      try {
        JsonObject json = reply.json();
        if (!"error".equals(json.getString("status", null))
            || json.getString("message", null) == null
            || json.getString("code", null) == null) {
          failures.add(
              what + ": " + reply.status() + " without the error shape: " + shorten(reply.body()));
        }
      } catch (AssertionError | RuntimeException e) {
        failures.add(what + ": " + reply.status() + " not JSON: '" + shorten(reply.body()) + "'");
      }
    }
  }

  private static String shorten(String text) {
    return text == null ? "" : text.length() > 200 ? text.substring(0, 200) + "…" : text;
  }

  @Test
  void noEndpointAnswers5xxToMalformedInputAndBadInputChangesNothing() {
    List<Operation> operations = OPERATIONS;
    assertThat(operations.stream().filter(op -> op.body() && op.example() == null))
        .as(
            "endpoints with a body and no OpenAPI example: give the resource method's body an"
                + " @RequestBody example named \"sample\"")
        .isEmpty();
    assertThat(TABLES.keySet())
        .as("TABLES names endpoints the API no longer has")
        .isSubsetOf(SAMPLES.keySet());

    for (Operation op : operations) {
      String url = op.url(Map.of());
      if (op.body()) {
        bodyMutations(op, url);
      }
      for (String p : op.pathParams()) {
        String bad = op.url(Map.of(p, "mi%00x"));
        check(
            op,
            "path-nul:" + p,
            bad,
            Api.bootstrap().send(op.method(), bad, op.body() ? fill(SAMPLES.get(op.key())) : null));
      }
      for (String q : op.queryParams()) {
        String bad = url + "?" + q + "=mi%00x";
        check(
            op,
            "query-nul:" + q,
            bad,
            Api.bootstrap().send(op.method(), bad, op.body() ? fill(SAMPLES.get(op.key())) : null));
      }
    }

    StringBuilder report =
        new StringBuilder("Malformed input coverage (endpoint: mutation × requests)\n");
    coverage.forEach(
        (endpoint, counts) ->
            report.append("  ").append(endpoint).append(": ").append(counts).append('\n'));
    report
        .append(coverage.size())
        .append(" endpoints, ")
        .append(
            coverage.values().stream()
                .mapToInt(m -> m.values().stream().mapToInt(Integer::intValue).sum())
                .sum())
        .append(" requests\n");
    System.out.println(report);
    assertThat(failures).as("answers to malformed input").isEmpty();
  }

  private void bodyMutations(Operation op, String url) {
    String template = SAMPLES.get(op.key());
    Api.Reply valid = Api.bootstrap().send(op.method(), url, fill(template));
    if (valid.status() / 100 != 2) {
      failures.add(
          op.key() + ": its sample is not valid: " + valid.status() + " " + shorten(valid.body()));
    }
    if (valid.status() == 201
        && !TABLES.containsKey(op.key())
        && !CREATES_WITHOUT_TABLE.contains(op.key())) {
      failures.add(op.key() + " creates (201): name the table it adds to in TABLES");
    }
    JsonValue sample = parse(fill(template, false));
    List<String> fields = new ArrayList<>();
    paths(sample, "", fields);
    String table = TABLES.get(op.key());
    for (String field : fields) {
      String marked = mark(sample, field, "").toString();
      for (var mutation : mutations(at(sample, field)).entrySet()) {
        String body = fill(marked.replace("\"" + MARK + "\"", mutation.getValue()));
        long before = table == null ? 0 : rows(table);
        String stateBefore = state(op, url, sample.asJsonObject());
        Api.Reply reply = Api.bootstrap().send(op.method(), url, body);
        check(op, mutation.getKey(), url + " " + field, reply);
        if (reply.status() >= 400 && reply.status() < 500) {
          if (table != null && rows(table) != before) {
            failures.add(
                op.key()
                    + " ["
                    + mutation.getKey()
                    + "] "
                    + field
                    + ": refused ("
                    + reply.status()
                    + ") but "
                    + table
                    + " changed");
          }
          String stateAfter = state(op, url, sample.asJsonObject());
          if (!Objects.equals(stateBefore, stateAfter)) {
            failures.add(
                op.key()
                    + " ["
                    + mutation.getKey()
                    + "] "
                    + field
                    + ": refused ("
                    + reply.status()
                    + ") but the resource changed");
          }
        }
      }
    }
  }
}
