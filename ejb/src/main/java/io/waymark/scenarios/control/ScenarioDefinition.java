package io.waymark.scenarios.control;

import jakarta.json.JsonObject;
import java.util.List;
import java.util.Map;

/**
 * A scenario document as read (SPEC §6): the graph, its exit criteria and re-entry rule, without
 * metadata. {@code id} is null for a new scenario, {@code enabled} null when the document does not
 * say. Maps keep the document's order and are keyed by the lower-case uuid.
 */
public record ScenarioDefinition(
    Long id,
    String name,
    Boolean enabled,
    Map<String, Trigger> triggers,
    Map<String, Element> elements,
    JsonObject visual,
    List<Exit> exits,
    Reentry reentry) {

  /**
   * An exit criterion: a trigger of the vocabulary (its scenario code and options, as a trigger's)
   * that takes a user out of the scenario.
   */
  public record Exit(String eventCode, JsonObject options) {}

  /** Whether a user enters again: {@code always}, {@code once}, or {@code after_days} days. */
  public record Reentry(String mode, Integer days) {
    public static final Reentry ALWAYS = new Reentry("always", null);
  }

  /** {@code options} are the trigger's options object; {@code elements} the uuids it starts. */
  public record Trigger(
      String uuid,
      String name,
      String type,
      String eventCode,
      JsonObject options,
      List<String> elements) {}

  /** {@code options} are the type's options object without {@code descendants}. */
  public record Element(
      String uuid, String name, String type, JsonObject options, List<Descendant> descendants) {}

  /** An edge to a descendant; {@code position} is the A/B variant index (null for other types). */
  public record Descendant(String uuid, String direction, Integer position) {}
}
