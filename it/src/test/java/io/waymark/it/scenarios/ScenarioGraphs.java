package io.waymark.it.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import io.waymark.it.support.Api;
import io.waymark.it.support.Db;
import io.waymark.it.support.Goals;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Scenarios for the engine's tests, built as a user would: elements, edges and triggers are
 * collected here and saved as one scenario document through {@code POST /api/v1/scenarios/create}
 * (so the document API's validation applies), then enabled, disabled, deleted and restored through
 * the API. Each change is followed by a dispatch pass so that the engine sees it at once. The
 * engine's jobs are read back by the elements' database ids ({@link Element#id()}, known once the
 * scenario is saved).
 */
public final class ScenarioGraphs {

  /**
   * An element of the scenario being built; its database id is known once the scenario is saved.
   */
  public final class Element {
    final String uuid = UUID.randomUUID().toString();
    final String type;
    final JsonObject options;
    final List<JsonObject> descendants = new ArrayList<>();
    private Long id;

    private Element(String type, JsonObject options) {
      this.type = type;
      this.options = options;
    }

    /** The element's id in {@code scenario_elements} (what jobs refer to). */
    public long id() {
      if (id == null) {
        assertThat(scenarioId).as("the scenario is saved (enable() it first)").isNotNull();
        id =
            ((Number) Db.single("select id from scenario_elements where uuid = ?::uuid", uuid))
                .longValue();
      }
      return id;
    }
  }

  private final String name = "IT scenario " + UUID.randomUUID();
  private final Map<String, Element> elements = new LinkedHashMap<>();
  private final JsonObjectBuilder triggers = Json.createObjectBuilder();
  private final List<JsonObject> exits = new ArrayList<>();
  private JsonObject reentry = Json.createObjectBuilder().add("mode", "always").build();
  private Long scenarioId;

  private ScenarioGraphs() {}

  /** A new scenario, not saved until {@link #enable()}. */
  public static ScenarioGraphs scenario() {
    return new ScenarioGraphs();
  }

  /** The saved scenario's id. */
  public long id() {
    assertThat(scenarioId).as("the scenario is saved (enable() it first)").isNotNull();
    return scenarioId;
  }

  /** An element of that type; its options as JSON (the document's {@code <type>} object). */
  public Element element(String type, String optionsJson) {
    try (var reader = Json.createReader(new StringReader(optionsJson))) {
      Element element = new Element(type, reader.readObject());
      elements.put(element.uuid, element);
      return element;
    }
  }

  public ScenarioGraphs edge(Element parent, Element child, String direction) {
    parent.descendants.add(
        Json.createObjectBuilder().add("uuid", child.uuid).add("direction", direction).build());
    return this;
  }

  /** An A/B test's edge to the variant at that position. */
  public ScenarioGraphs variantEdge(Element parent, Element child, int position) {
    parent.descendants.add(
        Json.createObjectBuilder()
            .add("uuid", child.uuid)
            .add("direction", "positive")
            .add("position", position)
            .build());
    return this;
  }

  /**
   * An event trigger starting the given elements; {@code matchValue} is the goal code ({@code
   * goal_completed}, {@code goal_timed_out}), the event name ({@code event_received}) or the
   * segment code ({@code segment_entered}, {@code segment_left}); {@code null} for {@code
   * user_registered}.
   */
  public ScenarioGraphs trigger(String eventCode, String matchValue, Element... starts) {
    return trigger("event", eventCode, options(eventCode, matchValue).build(), starts);
  }

  /** A before-event trigger on a dated event ({@code goal_expires}, {@code field:<code>}). */
  public ScenarioGraphs beforeEvent(String code, JsonObject options, Element... starts) {
    return trigger("before_event", code, options, starts);
  }

  private ScenarioGraphs trigger(String type, String code, JsonObject options, Element... starts) {
    JsonArrayBuilder started = Json.createArrayBuilder();
    for (Element start : starts) {
      started.add(start.uuid);
    }
    String uuid = UUID.randomUUID().toString();
    triggers.add(
        uuid,
        Json.createObjectBuilder()
            .add("id", uuid)
            .add("name", "IT " + type + " trigger")
            .add("type", type)
            .add("event", Json.createObjectBuilder().add("code", code))
            .add("options", options)
            .add("elements", started));
    return this;
  }

  /** An exit criterion: the trigger (code and match value, as for {@link #trigger}). */
  public ScenarioGraphs exit(String eventCode, String matchValue) {
    exits.add(
        Json.createObjectBuilder()
            .add(
                "trigger",
                Json.createObjectBuilder()
                    .add("code", eventCode)
                    .add("options", options(eventCode, matchValue)))
            .build());
    return this;
  }

  /** The re-entry rule: always (the default), once, or after_days with {@code days}. */
  public ScenarioGraphs reentry(String mode, Integer days) {
    JsonObjectBuilder json = Json.createObjectBuilder().add("mode", mode);
    reentry = (days == null ? json : json.add("days", days)).build();
    return this;
  }

  private static JsonObjectBuilder options(String eventCode, String matchValue) {
    JsonObjectBuilder options = Json.createObjectBuilder();
    if (matchValue != null) {
      String option =
          switch (eventCode) {
            case "event_received" -> "event_name";
            case "segment_entered", "segment_left" -> "segment_code";
            default -> "goal_code";
          };
      options.add(option, matchValue);
    }
    return options;
  }

  /** Saves the scenario enabled (the first time) or enables it again. */
  public ScenarioGraphs enable() {
    if (scenarioId == null) {
      Api.Reply created = Api.bootstrap().post("/api/v1/scenarios/create", document().toString());
      assertThat(created.status()).as(created.body()).isEqualTo(201);
      scenarioId = created.json().getJsonNumber("id").longValue();
      return this; // in force on the server before the save answered (ScenarioCatalogIT)
    }
    return action("POST", "/enable");
  }

  public ScenarioGraphs disable() {
    return action("POST", "/disable");
  }

  public ScenarioGraphs delete() {
    return action("DELETE", "");
  }

  public ScenarioGraphs restore() {
    return action("POST", "/restore");
  }

  private ScenarioGraphs action(String method, String path) {
    Api.Reply reply = Api.bootstrap().send(method, "/api/v1/scenarios/" + id() + path, null);
    assertThat(reply.status()).as(method + " " + path + ": " + reply.body()).isEqualTo(200);
    return this;
  }

  /** The document as it would be saved (to send it as it is, e.g. to see it refused). */
  public JsonObject json() {
    return document();
  }

  private JsonObject document() {
    JsonObjectBuilder documentElements = Json.createObjectBuilder();
    for (Element e : elements.values()) {
      JsonObjectBuilder options = Json.createObjectBuilder(e.options);
      JsonArrayBuilder descendants = Json.createArrayBuilder();
      e.descendants.forEach(descendants::add);
      options.add("descendants", descendants);
      documentElements.add(
          e.uuid,
          Json.createObjectBuilder()
              .add("id", e.uuid)
              .add("name", e.type + " element")
              .add("type", e.type)
              .add(e.type, options));
    }
    return Json.createObjectBuilder()
        .add("name", name)
        .add("enabled", true)
        .add("triggers", triggers)
        .add("elements", documentElements)
        .add("exit", Json.createArrayBuilder(exits))
        .add("reentry", reentry)
        .add("visual", JsonObject.EMPTY_JSON_OBJECT)
        .build();
  }

  /** A user who entered a webhook element, and the element. */
  public record WebhookJourney(long user, Element webhook) {}

  /**
   * trigger (goal_completed of a new goal named after {@code goalPrefix}) → webhook to {@code url}
   * → wait; a new user completes the goal, so their call is written.
   */
  public static WebhookJourney webhookJourney(String url, String goalPrefix) {
    ScenarioGraphs s = scenario();
    String start = Goals.createSimple(goalPrefix);
    Element webhook = s.element("webhook", "{\"url\":\"" + url + "\"}");
    Element after = s.element("wait", "{\"minutes\":600}");
    s.edge(webhook, after, "positive").trigger("goal_completed", start, webhook).enable();
    long user = Goals.user();
    assertThat(Goals.complete(start, user).status()).isEqualTo(200);
    return new WebhookJourney(user, webhook);
  }

  /**
   * The users wait in {@code wait} (entered by completing {@code start}), then its wait is over for
   * all of them at once, as if its minutes had passed: the dispatcher claims them together.
   */
  public static void waitIsOverAtOnce(Element wait, List<Long> users) {
    org.awaitility.Awaitility.await()
        .atMost(java.time.Duration.ofSeconds(90))
        .until(() -> users.stream().allMatch(u -> "waiting".equals(state(wait, u))));
    Db.update(
        "update scenario_jobs set entered_at = entered_at - interval '601 minutes', due_at = now()"
            + " where element_id = ?",
        wait.id());
  }

  /** One dispatch pass on the server; returns how many jobs it claimed. */
  public static int dispatch() {
    Api.Reply reply = Api.bootstrap().post("/api/v1/ops/scenario-dispatch", "");
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    return reply.json().getInt("claimed");
  }

  /** The user's jobs on an element, oldest first: [id, state, result]. */
  public static List<List<Object>> jobs(Element element, long userId) {
    return Db.query(
        "select id, state, result from scenario_jobs where element_id = ? and user_id = ? order by id",
        element.id(),
        userId);
  }

  public static String state(Element element, long userId) {
    List<List<Object>> jobs = jobs(element, userId);
    return jobs.isEmpty() ? null : (String) jobs.get(jobs.size() - 1).get(1);
  }

  /** The context (the trigger's payload) of the user's job on an element. */
  public static JsonObject context(Element element, long userId) {
    String context =
        (String)
            Db.single(
                "select context from scenario_jobs where element_id = ? and user_id = ?",
                element.id(),
                userId);
    return new Api.Reply(200, context, null).json();
  }

  public static long jobId(Element element, long userId) {
    List<List<Object>> jobs = jobs(element, userId);
    assertThat(jobs).as("jobs of element %d for user %d", element.id(), userId).isNotEmpty();
    return ((Number) jobs.get(jobs.size() - 1).get(0)).longValue();
  }
}
