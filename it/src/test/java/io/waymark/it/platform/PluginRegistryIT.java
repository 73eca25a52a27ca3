package io.waymark.it.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.waymark.it.scenarios.ScenarioGraphs;
import io.waymark.it.support.Api;
import io.waymark.it.support.Goals;
import io.waymark.it.support.SegmentChecks;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The plugin registry against a truth table (issue #16): every criterion the catalogues list, with
 * every operator it offers, is saved through the API — as a segment, or as a scenario condition —
 * and run against fixture users and a payload whose expected outcome per row is written down below,
 * following SPEC §1's operator semantics (string equality ignores case, a comparison with null is
 * false, {@code neq} is {@code ne}). A criterion or operator the catalogues list without a row here
 * fails the test: a plugin is registered with its truth table.
 */
class PluginRegistryIT {

  private static final Duration WAIT = Duration.ofSeconds(30);

  /** A row: the criterion's key, its params, and who it holds for (subset of A, B, C). */
  private record Row(String key, String params, Set<String> members) {
    String operator() {
      int at = params.indexOf("\"operator\":\"");
      return at < 0 ? null : params.substring(at + 12, params.indexOf('"', at + 12));
    }
  }

  private static final String M = UUID.randomUUID().toString().substring(0, 8);
  private static final Map<String, Long> USERS = new LinkedHashMap<>();
  private static String goal;
  private static String group;
  private static String segmentA;

  /**
   * A: email a-M@it.example.com, public name Alpha, locale en, active, 3 logins, goal active. B:
   * public name Zed, locale sk, inactive, 1 login, goal completed. C: no locale (its public name is
   * the default one), active, no login, goal timed out. Nobody is confirmed.
   */
  @BeforeAll
  static void fixture() {
    USERS.put("A", user("a", "\"public_name\":\"Alpha\",\"locale\":\"en\",\"active\":true"));
    USERS.put("B", user("b", "\"public_name\":\"Zed\",\"locale\":\"sk\",\"active\":false"));
    USERS.put("C", user("c", "\"active\":true"));
    goal = Goals.createSimple("reg");
    assertThat(Goals.assign(goal, USERS.get("A"), null).status()).isEqualTo(200);
    assertThat(Goals.complete(goal, USERS.get("B")).status()).isEqualTo(200);
    assertThat(Goals.assign(goal, USERS.get("C"), null).status()).isEqualTo(200);
    assertThat(Goals.timeout(goal, USERS.get("C")).status()).isEqualTo(200);
    events("A", 3);
    events("B", 1);
    group = "reg-" + M;
    assertThat(
            Api.bootstrap()
                .post("/api/v1/point-groups", "{\"code\":\"" + group + "\",\"name\":\"Registry\"}")
                .status())
        .isEqualTo(201);
    points("A", 10, group);
    points("A", 5, null);
    points("B", 3, group);
    segmentA = "reg-a-" + M;
    segment(
        segmentA,
        "{\"type\":\"criterion\",\"key\":\"user.field\",\"params\":{\"field\":\"locale\",\"operator\":\"eq\",\"value\":\"en\"}}");
  }

  private static long user(String name, String fields) {
    Api.Reply created =
        Api.bootstrap()
            .post(
                "/api/v1/users",
                "{\"email\":\"" + name + "-" + M + "@it.example.com\"," + fields + "}");
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    return created.json().getJsonObject("user").getJsonNumber("id").longValue();
  }

  private static void points(String user, int points, String group) {
    Api.Reply added =
        Api.bootstrap()
            .post(
                "/api/v1/users/" + USERS.get(user) + "/points",
                "{\"points\":"
                    + points
                    + (group == null ? "" : ",\"group\":\"" + group + "\"")
                    + ",\"reason\":\"fixture\"}");
    assertThat(added.status()).as(added.body()).isEqualTo(200);
  }

  private static void events(String user, int count) {
    for (int i = 0; i < count; i++) {
      Api.Reply sent =
          Api.bootstrap()
              .post(
                  "/api/v1/events",
                  "{\"user_id\":" + USERS.get(user) + ",\"name\":\"login-" + M + "\"}");
      assertThat(sent.status()).as(sent.body()).isEqualTo(200);
    }
  }

  private static void segment(String code, String criteria) {
    // only the fixture's users: their emails hold the marker
    String scoped =
        "{\"type\":\"and\",\"nodes\":[{\"type\":\"criterion\",\"key\":\"user.field\",\"params\":{\"field\":\"email\",\"operator\":\"contains\",\"value\":\""
            + M
            + "\"}},"
            + criteria
            + "]}";
    Api.Reply created =
        Api.bootstrap()
            .post(
                "/api/v1/segments",
                "{\"code\":\""
                    + code
                    + "\",\"name\":\"Registry "
                    + code
                    + "\",\"criteria\":"
                    + scoped
                    + "}");
    assertThat(created.status()).as(code + ": " + created.body()).isEqualTo(201);
  }

  private static Row row(String key, String params, String members) {
    Set<String> set = new TreeSet<>();
    for (char c : members.toCharArray()) {
      set.add(String.valueOf(c));
    }
    return new Row(key, params, set);
  }

  /** Segment criteria: users A, B, C as above. */
  private static List<Row> segmentRows() {
    String later = "2999-01-01T00:00:00Z";
    return List.of(
        row(
            "user.field",
            "{\"field\":\"email\",\"operator\":\"eq\",\"value\":\"A-" + M + "@IT.example.com\"}",
            "A"),
        row("user.field", "{\"field\":\"locale\",\"operator\":\"ne\",\"value\":\"en\"}", "B"),
        row("user.field", "{\"field\":\"locale\",\"operator\":\"neq\",\"value\":\"sk\"}", "A"),
        row("user.field", "{\"field\":\"public_name\",\"operator\":\"lt\",\"value\":\"B\"}", "A"),
        row("user.field", "{\"field\":\"locale\",\"operator\":\"lte\",\"value\":\"en\"}", "A"),
        row("user.field", "{\"field\":\"locale\",\"operator\":\"gt\",\"value\":\"en\"}", "B"),
        row("user.field", "{\"field\":\"locale\",\"operator\":\"gte\",\"value\":\"sk\"}", "B"),
        row(
            "user.field",
            "{\"field\":\"public_name\",\"operator\":\"contains\",\"value\":\"LPH\"}",
            "A"),
        row("user.field", "{\"field\":\"locale\",\"operator\":\"is_empty\"}", "C"),
        row("user.field", "{\"field\":\"confirmed_at\",\"operator\":\"is_empty\"}", "ABC"),
        // a standard field is a column: it always exists (custom fields: UserFieldsIT)
        row("user.field", "{\"field\":\"locale\",\"operator\":\"exists\"}", "ABC"),
        row(
            "user.field",
            "{\"field\":\"locale\",\"operator\":\"in\",\"value\":[\"EN\",\"de\"]}",
            "A"),
        row("user.field", "{\"field\":\"active\",\"operator\":\"eq\",\"value\":true}", "AC"),
        row("user.field", "{\"field\":\"active\",\"operator\":\"ne\",\"value\":true}", "B"),
        row(
            "user.field",
            "{\"field\":\"created_at\",\"operator\":\"lt\",\"value\":\"" + later + "\"}",
            "ABC"),
        row(
            "user.field",
            "{\"field\":\"created_at\",\"operator\":\"gte\",\"value\":\"" + later + "\"}",
            ""),
        row(
            "user.field",
            "{\"field\":\"confirmed_at\",\"operator\":\"ne\",\"value\":\"" + later + "\"}",
            ""),
        row("goal.state", "{\"goal_code\":\"" + goal + "\",\"state\":\"active\"}", "A"),
        row(
            "goal.state",
            "{\"goal_code\":\"" + goal + "\",\"state\":\"completed\",\"within_days\":1}",
            "B"),
        row("goal.state", "{\"goal_code\":\"" + goal + "\",\"state\":\"timed_out\"}", "C"),
        events("gte", 2, "A"),
        events("lte", 1, "BC"),
        events("gt", 1, "A"),
        events("lt", 1, "C"),
        events("eq", 1, "B"),
        events("ne", 1, "AC"),
        row("segment.member", "{\"code\":\"" + segmentA + "\"}", "A"),
        // A: 10 in the group + 5 without (total 15); B: 3 in the group; C: none
        points("gte", 15, null, "A"),
        points("gt", 3, group, "A"),
        points("lte", 3, group, "BC"),
        points("lt", 3, null, "C"),
        points("eq", 3, group, "B"),
        points("ne", 0, null, "AB"));
  }

  private static Row points(String operator, int value, String group, String members) {
    return row(
        "points",
        "{"
            + (group == null ? "" : "\"group\":\"" + group + "\",")
            + "\"operator\":\""
            + operator
            + "\",\"value\":"
            + value
            + "}",
        members);
  }

  private static Row events(String operator, int count, String members) {
    return row(
        "event.count",
        "{\"name\":\"login-"
            + M
            + "\",\"operator\":\""
            + operator
            + "\",\"count\":"
            + count
            + ",\"within_days\":30}",
        members);
  }

  /**
   * Conditions, run for A on the payload {plan: pro, seats: 5, note: "", flag: true, started:
   * 2026-01-01T00:00:00Z}: "A" = positive.
   */
  private static List<Row> conditionRows() {
    return List.of(
        param("{\"name\":\"plan\",\"operator\":\"eq\",\"value\":\"PRO\"}", true),
        param("{\"name\":\"plan\",\"operator\":\"ne\",\"value\":\"pro\"}", false),
        param("{\"name\":\"plan\",\"operator\":\"neq\",\"value\":\"free\"}", true),
        param("{\"name\":\"missing\",\"operator\":\"ne\",\"value\":\"x\"}", false),
        param("{\"name\":\"seats\",\"operator\":\"lt\",\"value\":6}", true),
        param("{\"name\":\"seats\",\"operator\":\"lte\",\"value\":4}", false),
        param("{\"name\":\"seats\",\"operator\":\"gt\",\"value\":4.5}", true),
        param("{\"name\":\"seats\",\"operator\":\"gte\",\"value\":5}", true),
        param(
            "{\"name\":\"started\",\"operator\":\"gt\",\"value\":\"2025-12-31T00:00:00Z\"}", true),
        param("{\"name\":\"plan\",\"operator\":\"contains\",\"value\":\"R\"}", true),
        param("{\"name\":\"note\",\"operator\":\"is_empty\"}", true),
        param("{\"name\":\"plan\",\"operator\":\"is_empty\"}", false),
        param("{\"name\":\"plan\",\"operator\":\"in\",\"value\":[\"free\",\"pro\"]}", true),
        param("{\"name\":\"seats\",\"operator\":\"in\",\"value\":[1,2]}", false),
        param("{\"name\":\"note\",\"operator\":\"exists\"}", true),
        param("{\"name\":\"missing\",\"operator\":\"exists\"}", false),
        param("{\"name\":\"flag\",\"operator\":\"eq\",\"value\":true}", true),
        row("segment.member", "{\"code\":\"" + segmentA + "\"}", "A"),
        row("user.field", "{\"field\":\"locale\",\"operator\":\"eq\",\"value\":\"sk\"}", ""),
        row("goal.state", "{\"goal_code\":\"" + goal + "\",\"state\":\"active\"}", "A"),
        row(
            "event.count",
            "{\"name\":\"login-" + M + "\",\"operator\":\"gte\",\"count\":3,\"within_days\":30}",
            "A"),
        points("gt", 14, null, "A"));
  }

  private static Row param(String params, boolean holds) {
    return row("trigger.param", params, holds ? "A" : "");
  }

  @Test
  void everySegmentCriterionAndOperatorHoldsForWhomTheTableSays() {
    covers("/api/v1/segments/criteria", segmentRows());
    List<Row> rows = segmentRows();
    Map<String, Row> codes = new LinkedHashMap<>();
    for (int i = 0; i < rows.size(); i++) {
      String code = "reg-" + M + "-" + i;
      segment(
          code,
          "{\"type\":\"criterion\",\"key\":\""
              + rows.get(i).key()
              + "\",\"params\":"
              + rows.get(i).params()
              + "}");
      codes.put(code, rows.get(i));
    }
    List<String> wrong = new ArrayList<>();
    codes.forEach(
        (code, row) ->
            USERS.forEach(
                (name, id) -> {
                  boolean expected = row.members().contains(name);
                  boolean actual = SegmentChecks.member(code, id);
                  if (actual != expected) {
                    wrong.add(row.key() + " " + row.params() + " for " + name + ": " + actual);
                  }
                }));
    assertThat(wrong).isEmpty();
  }

  @Test
  void everyConditionCriterionAndOperatorDecidesTheBranchTheTableSays() {
    // the SQL criteria compile alike in both uses: their operators are covered by the segment
    // rows; every criterion still runs here at least once, through a condition
    List<Row> both = new ArrayList<>(conditionRows());
    both.addAll(segmentRows());
    covers("/api/v1/scenarios/criteria", both);
    Set<String> inConditions = new TreeSet<>();
    conditionRows().forEach(r -> inConditions.add(r.key()));
    Api.bootstrap()
        .get("/api/v1/scenarios/criteria")
        .json()
        .getJsonArray("criteria")
        .forEach(c -> assertThat(inConditions).contains(c.asJsonObject().getString("key")));
    String event = "reg_" + M;
    List<Row> rows = conditionRows();
    Map<Row, ScenarioGraphs.Element[]> branches = new HashMap<>();
    List<ScenarioGraphs> scenarios = new ArrayList<>();
    for (Row row : rows) {
      ScenarioGraphs s = ScenarioGraphs.scenario();
      var condition =
          s.element(
              "condition",
              "{\"criteria\":{\"type\":\"criterion\",\"key\":\""
                  + row.key()
                  + "\",\"params\":"
                  + row.params()
                  + "}}");
      var yes = s.element("wait", "{\"minutes\":600}");
      var no = s.element("wait", "{\"minutes\":600}");
      s.edge(condition, yes, "positive").edge(condition, no, "negative");
      s.trigger("event_received", event, condition);
      s.enable();
      scenarios.add(s);
      branches.put(row, new ScenarioGraphs.Element[] {yes, no});
    }
    try {
      long a = USERS.get("A");
      Api.Reply sent =
          Api.bootstrap()
              .post(
                  "/api/v1/events",
                  "{\"user_id\":"
                      + a
                      + ",\"name\":\""
                      + event
                      + "\",\"properties\":{\"plan\":\"pro\",\"seats\":5,\"note\":\"\",\"flag\":true,\"started\":\"2026-01-01T00:00:00Z\"}}");
      assertThat(sent.status()).as(sent.body()).isEqualTo(200);
      await()
          .atMost(WAIT)
          .until(
              () ->
                  branches.values().stream()
                      .allMatch(
                          b ->
                              ScenarioGraphs.state(b[0], a) != null
                                  || ScenarioGraphs.state(b[1], a) != null));
      List<String> wrong = new ArrayList<>();
      branches.forEach(
          (row, b) -> {
            boolean positive = ScenarioGraphs.state(b[0], a) != null;
            if (positive != row.members().contains("A")) {
              wrong.add(
                  row.key() + " " + row.params() + ": " + (positive ? "positive" : "negative"));
            }
          });
      assertThat(wrong).isEmpty();
    } finally {
      scenarios.forEach(ScenarioGraphs::delete);
    }
  }

  /** Every criterion the catalogue lists, and every operator it offers, has a row. */
  private static void covers(String catalogue, List<Row> rows) {
    JsonObject listed = Api.bootstrap().get(catalogue).json();
    Set<String> missing = new TreeSet<>();
    for (JsonValue c : listed.getJsonArray("criteria")) {
      String key = c.asJsonObject().getString("key");
      Set<String> operators = new HashSet<>();
      for (JsonValue p : c.asJsonObject().getJsonArray("params")) {
        if (p.asJsonObject().getString("name").equals("operator")) {
          p.asJsonObject()
              .getJsonArray("values")
              .getValuesAs(JsonString.class)
              .forEach(o -> operators.add(o.getString()));
        }
      }
      if (operators.isEmpty()) {
        if (rows.stream().noneMatch(r -> r.key().equals(key))) {
          missing.add(key);
        }
      }
      for (String operator : operators) {
        if (rows.stream().noneMatch(r -> r.key().equals(key) && operator.equals(r.operator()))) {
          missing.add(key + " " + operator);
        }
      }
    }
    assertThat(missing).as("criteria or operators without a row in the truth table").isEmpty();
  }

  @Test
  void everyListedTriggerAndElementTypeSavesAndAnUnregisteredTypeIsRefused() {
    JsonObject triggers = Api.bootstrap().get("/api/v1/scenarios/list-triggers").json();
    JsonObject types = Api.bootstrap().get("/api/v1/scenarios/element-types").json();
    Set<String> keys = new TreeSet<>();
    types.getJsonArray("element_types").forEach(t -> keys.add(t.asJsonObject().getString("key")));
    assertThat(keys)
        .containsExactly(
            "ab_test", "banner", "condition", "email", "goal", "segment", "wait", "webhook");
    for (JsonValue t : triggers.getJsonArray("triggers")) {
      JsonObject trigger = t.asJsonObject();
      if (trigger.getString("type").equals("before_event")) {
        continue; // the dated events: BeforeEventTriggersIT saves each
      }
      String code = trigger.getString("code");
      assertThat(trigger.getString("key")).contains(".");
      ScenarioGraphs s = ScenarioGraphs.scenario();
      var wait = s.element("wait", "{\"minutes\":5}");
      String match =
          switch (code) {
            case "goal_completed", "goal_timed_out" -> goal;
            case "segment_entered", "segment_left" -> segmentA;
            case "event_received" -> "reg-" + M;
            default -> null;
          };
      s.trigger(code, match, wait);
      s.enable();
      s.delete();
    }
    String sms =
        "{\"name\":\"SMS\",\"triggers\":{\"5b0e4d7a-1c2f-4e3a-9b8c-0d1e2f3a4b5c\":{\"id\":\"5b0e4d7a-1c2f-4e3a-9b8c-0d1e2f3a4b5c\",\"name\":\"Start\",\"type\":\"event\",\"event\":{\"code\":\"user_registered\"},\"options\":{},\"elements\":[\"6c1f5e8b-2d3a-4f4b-8c9d-1e2f3a4b5c6d\"]}},\"elements\":{\"6c1f5e8b-2d3a-4f4b-8c9d-1e2f3a4b5c6d\":{\"id\":\"6c1f5e8b-2d3a-4f4b-8c9d-1e2f3a4b5c6d\",\"name\":\"Text\",\"type\":\"sms\",\"sms\":{\"template_code\":\"welcome\",\"descendants\":[]}}}}";
    Api.Reply refused = Api.bootstrap().post("/api/v1/scenarios/create", sms);
    assertThat(refused.status()).as(refused.body()).isEqualTo(422);
    assertThat(refused.json().getString("code")).isEqualTo("validation_error");
    assertThat(refused.body()).contains("unknown element type 'sms'");
  }
}
