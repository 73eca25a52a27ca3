package io.waymark.it.scenarios;

import static io.waymark.it.scenarios.ScenarioDocs.create;
import static io.waymark.it.scenarios.ScenarioDocs.doc;
import static io.waymark.it.scenarios.ScenarioDocs.edge;
import static io.waymark.it.scenarios.ScenarioDocs.element;
import static io.waymark.it.scenarios.ScenarioDocs.json;
import static io.waymark.it.scenarios.ScenarioDocs.trigger;
import static io.waymark.it.scenarios.ScenarioDocs.uuid;
import static org.assertj.core.api.Assertions.assertThat;

import io.waymark.it.support.Api;
import io.waymark.it.support.Db;
import io.waymark.it.support.Goals;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ScenariosApiIT {

  private final String t = uuid();
  private final String g = uuid();
  private final String p = uuid();
  private final String n = uuid();

  /** Trigger → goal element → wait (positive) / wait (negative). */
  private String journey(String name, String extra, String goalCode) {
    return doc(
        name,
        extra,
        trigger(t, "user_registered", "{}", g),
        element(
                g,
                "goal",
                "'codes':['" + goalCode + "'],'recheckPeriodMinutes':5,'timeoutMinutes':15",
                edge(p, "positive"),
                edge(n, "negative"))
            + ","
            + element(p, "wait", "'minutes':10")
            + ","
            + element(n, "wait", "'minutes':20"));
  }

  private static long id(Api.Reply reply) {
    assertThat(reply.status()).as(reply.body()).isEqualTo(201);
    return reply.json().getJsonNumber("id").longValue();
  }

  private static JsonObject info(long id) {
    Api.Reply reply = Api.bootstrap().get("/api/v1/scenarios/info?id=" + id);
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    return reply.json();
  }

  private static void assertRefused(Api.Reply reply, int status, String code) {
    assertThat(reply.status()).as(reply.body()).isEqualTo(status);
    assertThat(reply.json().getString("code")).isEqualTo(code);
  }

  private static List<String> errorPaths(Api.Reply reply) {
    return reply.json().getJsonArray("errors").stream()
        .flatMap(e -> e.asJsonObject().keySet().stream())
        .toList();
  }

  @Test
  void createAnswersTheFullDocumentDisabledUnlessItSaysEnabled() {
    String goal = Goals.createSimple("scn");
    String sent = journey("Welcome", "", goal);
    Api.Reply created = create(sent);
    long id = id(created);
    JsonObject doc = created.json();
    assertThat(doc.getBoolean("enabled")).isFalse();
    assertThat(doc.getString("name")).isEqualTo("Welcome");
    assertThat(doc.getString("created_at")).isNotBlank();
    assertThat(doc.isNull("deleted_at")).isTrue();
    assertThat(doc.isNull("duplicated_from")).isTrue();
    JsonObject expected = new Api.Reply(200, sent, null).json();
    JsonObject read = info(id);
    assertThat(read.getJsonObject("triggers")).isEqualTo(expected.getJsonObject("triggers"));
    assertThat(read.getJsonObject("elements")).isEqualTo(expected.getJsonObject("elements"));
    assertThat(read).isEqualTo(doc);

    Api.Reply on = create(journey("On", "'enabled':1,", goal));
    assertThat(on.json().getBoolean("enabled")).isTrue();
    // deleted again: an enabled user_registered scenario would start every user the later tests
    // create
    assertThat(Api.bootstrap().delete("/api/v1/scenarios/" + id(on)).status()).isEqualTo(200);
    assertThat(create(doc("Empty", "'enabled':true,", "", "")).json().getBoolean("enabled"))
        .isTrue();
  }

  @Test
  void updateKeepsTheUuidsRowsAndSoftDeletesTheElementsThatLeft() {
    String goal = Goals.createSimple("scn");
    long id = id(create(journey("Before", "", goal)));
    long goalRow =
        (Long)
            Db.single(
                "select id from scenario_elements where scenario_id = ? and uuid = ?::uuid", id, g);
    String update =
        doc(
            "After",
            "'id':" + id + ",",
            trigger(t, "user_registered", "{}", g),
            element(
                    g,
                    "goal",
                    "'codes':['" + goal + "'],'recheckPeriodMinutes':7",
                    edge(p, "positive"))
                + ","
                + element(p, "wait", "'minutes':10"));
    Api.Reply updated = create(update);
    assertThat(updated.status()).as(updated.body()).isEqualTo(201);
    assertThat(updated.json().getString("name")).isEqualTo("After");
    assertThat(updated.json().getJsonObject("elements").keySet()).containsExactlyInAnyOrder(g, p);
    assertThat(
            updated
                .json()
                .getJsonObject("elements")
                .getJsonObject(g)
                .getJsonObject("goal")
                .getInt("recheckPeriodMinutes"))
        .isEqualTo(7);
    assertThat(
            Db.single(
                "select id from scenario_elements where scenario_id = ? and uuid = ?::uuid", id, g))
        .isEqualTo(goalRow);
    assertThat(
            Db.single(
                "select deleted_at is not null from scenario_elements where scenario_id = ? and uuid = ?::uuid",
                id,
                n))
        .isEqualTo(true);
    assertThat(
            Db.single(
                "select deleted_at is null from scenario_elements where scenario_id = ? and uuid = ?::uuid",
                id,
                p))
        .isEqualTo(true);
    assertThat(
            Db.single("select count(*) from scenario_element_edges where parent_id = ?", goalRow))
        .isEqualTo(1L);
    assertThat(Db.single("select options from scenario_elements where id = ?", goalRow))
        .isEqualTo("{\"codes\":[\"" + goal + "\"],\"recheckPeriodMinutes\":7}");
  }

  @Test
  void triggersStoreTheirMatchValue() {
    long id =
        id(
            create(
                doc(
                    "Paid",
                    "",
                    trigger(t, "event_received", "{'event_name':'paid'}", g),
                    element(g, "wait", "'minutes':1"))));
    assertThat(
            Db.single(
                "select event_code || ':' || match_value from scenario_triggers where scenario_id = ?",
                id))
        .isEqualTo("event_received:paid");
  }

  @Test
  void schemaErrorsAre400UnknownIdsAre404AndDeletedScenariosAre409() {
    Api.Reply noName = create(json("{'triggers':{},'elements':{'x':{}}}"));
    assertRefused(noName, 400, "payload_error");
    assertThat(errorPaths(noName)).contains("name", "elements.x");
    assertRefused(create(json("{'name':'x','enabled':'yes'}")), 400, "payload_error");
    assertRefused(create("{not json"), 400, "malformed_json");
    assertRefused(create(json("{'id':999999999,'name':'x'}")), 404, "not_found");
    assertRefused(Api.bootstrap().get("/api/v1/scenarios/info?id=999999999"), 404, "not_found");
    assertRefused(Api.bootstrap().get("/api/v1/scenarios/info?id=abc"), 400, "invalid_input");

    long id = id(create(doc("Doomed", "", "", "")));
    assertThat(Api.bootstrap().delete("/api/v1/scenarios/" + id).status()).isEqualTo(200);
    assertRefused(create(doc("Doomed again", "'id':" + id + ",", "", "")), 409, "invalid_data");
    assertRefused(
        Api.bootstrap().post("/api/v1/scenarios/" + id + "/enable", ""), 409, "invalid_data");
  }

  @Test
  void graphAndOptionProblemsAre422NamingTheElement() {
    String x = uuid();
    assertInvalid(
        doc(
            "Self",
            "",
            trigger(t, "user_registered", "{}", g),
            element(g, "wait", "'minutes':1", edge(g, "positive"))),
        "elements." + g,
        "links to itself");
    assertInvalid(
        doc(
            "Loop",
            "",
            trigger(t, "user_registered", "{}", g),
            element(g, "segment", "'code':'nope-" + x + "'", edge(p, "positive"))
                + ","
                + element(p, "webhook", "'url':'https://example.com'", edge(g, "positive"))),
        "elements." + p,
        "is on a cycle that passes no wait or goal element");
    assertInvalid(
        doc(
            "Island",
            "",
            trigger(t, "user_registered", "{}", g),
            element(g, "wait", "'minutes':1") + "," + element(p, "wait", "'minutes':1")),
        "elements." + p,
        "is not reachable from any trigger");
    assertInvalid(
        doc(
            "Option",
            "",
            trigger(t, "user_registered", "{}", g),
            element(g, "goal", "'codes':['a']")),
        "elements." + g,
        "goal: option 'recheckPeriodMinutes' is required");
    assertInvalid(
        doc("Type", "", trigger(t, "user_registered", "{}", g), element(g, "teleport", "")),
        "elements." + g,
        "unknown element type 'teleport' (one of ab_test, banner, condition, email, goal, segment, wait,"
            + " webhook)");
    assertInvalid(
        doc(
            "AB",
            "",
            trigger(t, "user_registered", "{}", g),
            element(
                g,
                "ab_test",
                "'variants':[{'code':'a','name':'A','distribution':70},{'code':'b','name':'B','distribution':40}]")),
        "elements." + g,
        "ab_test: the variants' distributions add up to 110, not 100");
    assertInvalid(
        doc(
            "Trigger",
            "",
            trigger(t, "event_received", "{}", g),
            element(g, "wait", "'minutes':1")),
        "triggers." + t,
        "event_received: option 'event_name' is required");
    assertThat(
            Db.single(
                "select count(*) from scenarios where name in ('Self', 'Loop', 'Island', 'Option', 'Type', 'AB', 'Trigger')"
                    + " and created_at > now() - interval '1 minute' and id in (select scenario_id from scenario_elements where uuid = ?::uuid)",
                g))
        .isEqualTo(0L);
  }

  private static void assertInvalid(String document, String path, String message) {
    Api.Reply reply = create(document);
    assertRefused(reply, 422, "validation_error");
    assertThat(
            reply.json().getJsonArray("errors").stream()
                .map(JsonValue::asJsonObject)
                .filter(e -> e.containsKey(path))
                .map(e -> e.getString(path))
                .toList())
        .as(reply.body())
        .contains(message);
  }

  @Test
  void lifecycleEnableDisableDuplicateDeleteRestore() {
    String goal = Goals.createSimple("scn");
    String withLayout =
        journey("Life", "'enabled':1,", goal)
            .replace("\"visual\":{}", "\"visual\":{\"" + g + "\":{\"x\":1,\"y\":2}}");
    long id = id(create(withLayout));
    assertThat(Api.bootstrap().post("/api/v1/scenarios/" + id + "/disable", "").status())
        .isEqualTo(200);
    assertThat(info(id).getBoolean("enabled")).isFalse();
    assertThat(Api.bootstrap().post("/api/v1/scenarios/" + id + "/enable", "").status())
        .isEqualTo(200);
    assertThat(info(id).getBoolean("enabled")).isTrue();

    Api.Reply copied = Api.bootstrap().post("/api/v1/scenarios/" + id + "/duplicate", "");
    long copyId = id(copied);
    JsonObject copy = copied.json();
    assertThat(copy.getString("name")).isEqualTo("Life (copy)");
    assertThat(copy.getBoolean("enabled")).isFalse();
    assertThat(copy.getJsonNumber("duplicated_from").longValue()).isEqualTo(id);
    assertThat(copy.getJsonObject("elements").keySet()).hasSize(3).doesNotContain(g, p, n);
    String newTrigger = copy.getJsonObject("triggers").keySet().iterator().next();
    assertThat(newTrigger).isNotEqualTo(t);
    String newGoal =
        copy.getJsonObject("triggers")
            .getJsonObject(newTrigger)
            .getJsonArray("elements")
            .getString(0);
    assertThat(copy.getJsonObject("elements").getJsonObject(newGoal).getString("type"))
        .isEqualTo("goal");
    assertThat(copy.getJsonObject("visual").keySet()).containsExactly(newGoal);
    assertThat(
            copy
                .getJsonObject("elements")
                .getJsonObject(newGoal)
                .getJsonObject("goal")
                .getJsonArray("descendants")
                .stream()
                .map(d -> d.asJsonObject().getString("uuid"))
                .toList())
        .allMatch(u -> copy.getJsonObject("elements").containsKey(u));

    assertThat(Api.bootstrap().delete("/api/v1/scenarios/" + id).status()).isEqualTo(200);
    JsonObject deleted = info(id);
    assertThat(deleted.isNull("deleted_at")).isFalse();
    assertThat(deleted.getBoolean("enabled")).isFalse();
    assertThat(listed(false)).doesNotContain(id);
    assertThat(listed(true)).contains(id);

    assertThat(Api.bootstrap().post("/api/v1/scenarios/" + id + "/restore", "").status())
        .isEqualTo(200);
    JsonObject back = info(id);
    assertThat(back.isNull("deleted_at")).isTrue();
    assertThat(back.isNull("restored_at")).isFalse();
    assertThat(back.getBoolean("enabled")).isFalse();
    assertRefused(
        Api.bootstrap().post("/api/v1/scenarios/999999999/duplicate", ""), 404, "not_found");
  }

  /** The ids of the listed scenarios, following pages until the newest few hundred are seen. */
  private static List<Long> listed(boolean includeDeleted) {
    Api.Reply reply =
        Api.bootstrap().get("/api/v1/scenarios?limit=500&include_deleted=" + includeDeleted);
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    return reply.json().getJsonArray("items").stream()
        .map(i -> i.asJsonObject().getJsonNumber("id").longValue())
        .toList();
  }

  @Test
  void listPagesNewestFirst() {
    long first = id(create(doc("Page 1", "", "", "")));
    long second = id(create(doc("Page 2", "", "", "")));
    JsonObject page = Api.bootstrap().get("/api/v1/scenarios?limit=1").json();
    assertThat(page.getJsonArray("items")).hasSize(1);
    String next = page.getString("next");
    JsonObject after = Api.bootstrap().get("/api/v1/scenarios?limit=1&after=" + second).json();
    assertThat(after.getJsonArray("items").getJsonObject(0).getJsonNumber("id").longValue())
        .isLessThan(second)
        .isGreaterThanOrEqualTo(first);
    assertThat(next).isNotNull();
  }

  @Test
  void triggersAndCriteriaRegistries() {
    JsonObject triggers = Api.bootstrap().get("/api/v1/scenarios/list-triggers").json();
    JsonObject received =
        triggers.getJsonArray("triggers").stream()
            .map(JsonValue::asJsonObject)
            .filter(o -> !o.isNull("code") && o.getString("code").equals("event_received"))
            .findFirst()
            .orElseThrow();
    assertThat(
            received.getJsonArray("params").getValuesAs(jakarta.json.JsonString.class).stream()
                .map(s -> s.getString())
                .toList())
        .containsExactly("user_id", "event_name", "properties.*");
    assertThat(received.getJsonArray("options").getJsonObject(0).getString("name"))
        .isEqualTo("event_name");
    JsonObject criteria = Api.bootstrap().get("/api/v1/scenarios/criteria").json();
    assertThat(
            criteria.getJsonArray("criteria").stream()
                .map(c -> c.asJsonObject().getString("key"))
                .toList())
        .contains("user.field", "goal.state", "trigger.param");
  }

  @Test
  void createHonoursTheIdempotencyKey() {
    String key = "scn-" + UUID.randomUUID();
    String document = doc("Once", "", "", "");
    Api.Reply first =
        Api.bootstrap().header("Idempotency-Key", key).post("/api/v1/scenarios/create", document);
    Api.Reply replay =
        Api.bootstrap().header("Idempotency-Key", key).post("/api/v1/scenarios/create", document);
    assertThat(replay.status()).isEqualTo(201);
    assertThat(replay.header("Idempotent-Replayed")).isEqualTo("true");
    assertThat(replay.json().getJsonNumber("id").longValue()).isEqualTo(id(first));
  }
}
