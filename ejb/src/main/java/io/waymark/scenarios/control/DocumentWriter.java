package io.waymark.scenarios.control;

import io.waymark.platform.json.JsonSupport;
import io.waymark.scenarios.control.ScenarioDefinition.Descendant;
import io.waymark.scenarios.control.ScenarioDefinition.Element;
import io.waymark.scenarios.control.ScenarioDefinition.Trigger;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Writes the scenario document of SPEC §6: the definition and the scenario's metadata. */
public final class DocumentWriter {

  /** The stored facts around a definition; times are null when not set. */
  public record Metadata(
      long id,
      boolean enabled,
      Long duplicatedFrom,
      Instant createdAt,
      Instant modifiedAt,
      Instant deletedAt,
      Instant restoredAt) {}

  private DocumentWriter() {}

  public static JsonObject write(ScenarioDefinition definition, Metadata meta) {
    JsonObjectBuilder triggers = JsonSupport.JSON.createObjectBuilder();
    definition.triggers().values().forEach(t -> triggers.add(t.uuid(), trigger(t)));
    JsonObjectBuilder elements = JsonSupport.JSON.createObjectBuilder();
    definition.elements().values().forEach(e -> elements.add(e.uuid(), element(e)));
    JsonObjectBuilder doc =
        JsonSupport.JSON
            .createObjectBuilder()
            .add("id", meta.id())
            .add("name", definition.name())
            .add("enabled", meta.enabled())
            .add("triggers", triggers)
            .add("elements", elements)
            .add("exit", exits(definition))
            .add("reentry", reentry(definition.reentry()))
            .add("visual", definition.visual());
    time(doc, "created_at", meta.createdAt());
    time(doc, "modified_at", meta.modifiedAt());
    time(doc, "deleted_at", meta.deletedAt());
    time(doc, "restored_at", meta.restoredAt());
    if (meta.duplicatedFrom() == null) {
      doc.addNull("duplicated_from");
    } else {
      doc.add("duplicated_from", meta.duplicatedFrom());
    }
    return doc.build();
  }

  private static JsonArrayBuilder exits(ScenarioDefinition definition) {
    JsonArrayBuilder exits = JsonSupport.JSON.createArrayBuilder();
    definition
        .exits()
        .forEach(
            x ->
                exits.add(
                    JsonSupport.JSON
                        .createObjectBuilder()
                        .add(
                            "trigger",
                            JsonSupport.JSON
                                .createObjectBuilder()
                                .add("code", x.eventCode())
                                .add("options", x.options()))));
    return exits;
  }

  private static JsonObjectBuilder reentry(ScenarioDefinition.Reentry reentry) {
    JsonObjectBuilder json = JsonSupport.JSON.createObjectBuilder().add("mode", reentry.mode());
    return reentry.days() == null ? json : json.add("days", reentry.days());
  }

  private static JsonObject trigger(Trigger t) {
    JsonArrayBuilder starts = JsonSupport.JSON.createArrayBuilder();
    t.elements().forEach(starts::add);
    return JsonSupport.JSON
        .createObjectBuilder()
        .add("id", t.uuid())
        .add("name", t.name())
        .add("type", t.type())
        .add("event", JsonSupport.JSON.createObjectBuilder().add("code", t.eventCode()))
        .add("options", t.options())
        .add("elements", starts)
        .build();
  }

  private static JsonObject element(Element e) {
    JsonArrayBuilder descendants = JsonSupport.JSON.createArrayBuilder();
    for (Descendant d : e.descendants()) {
      JsonObjectBuilder edge =
          JsonSupport.JSON
              .createObjectBuilder()
              .add("uuid", d.uuid())
              .add("direction", d.direction());
      if (d.position() != null) {
        edge.add("position", d.position());
      }
      descendants.add(edge);
    }
    JsonObject options =
        JsonSupport.JSON
            .createObjectBuilder(WebhookHeaders.masked(e.type(), e.options()))
            .add("descendants", descendants)
            .build();
    return JsonSupport.JSON
        .createObjectBuilder()
        .add("id", e.uuid())
        .add("name", e.name())
        .add("type", e.type())
        .add(e.type(), options)
        .build();
  }

  private static void time(JsonObjectBuilder doc, String name, Instant time) {
    if (time == null) {
      doc.add(name, JsonValue.NULL);
    } else {
      doc.add(name, time.truncatedTo(ChronoUnit.MILLIS).toString());
    }
  }
}
