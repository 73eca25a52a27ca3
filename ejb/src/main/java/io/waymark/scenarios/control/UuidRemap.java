package io.waymark.scenarios.control;

import io.waymark.platform.json.JsonSupport;
import io.waymark.scenarios.control.ScenarioDefinition.Descendant;
import io.waymark.scenarios.control.ScenarioDefinition.Element;
import io.waymark.scenarios.control.ScenarioDefinition.Trigger;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * A copy of a definition with every trigger and element under a new uuid, links and layout remapped
 * alike.
 */
public final class UuidRemap {

  private UuidRemap() {}

  public static ScenarioDefinition copy(
      ScenarioDefinition source, String name, Supplier<UUID> uuids) {
    Map<String, String> fresh = new HashMap<>();
    source.triggers().keySet().forEach(k -> fresh.put(k, uuids.get().toString()));
    source.elements().keySet().forEach(k -> fresh.put(k, uuids.get().toString()));
    Map<String, Trigger> triggers = new LinkedHashMap<>();
    source
        .triggers()
        .values()
        .forEach(
            t -> {
              String uuid = fresh.get(t.uuid());
              triggers.put(
                  uuid,
                  new Trigger(
                      uuid,
                      t.name(),
                      t.type(),
                      t.eventCode(),
                      t.options(),
                      t.elements().stream().map(e -> fresh.getOrDefault(e, e)).toList()));
            });
    Map<String, Element> elements = new LinkedHashMap<>();
    source
        .elements()
        .values()
        .forEach(
            e -> {
              String uuid = fresh.get(e.uuid());
              elements.put(
                  uuid,
                  new Element(
                      uuid,
                      e.name(),
                      e.type(),
                      e.options(),
                      e.descendants().stream()
                          .map(
                              d ->
                                  new Descendant(
                                      fresh.getOrDefault(d.uuid(), d.uuid()),
                                      d.direction(),
                                      d.position()))
                          .toList()));
            });
    JsonObjectBuilder visual = JsonSupport.JSON.createObjectBuilder();
    source
        .visual()
        .forEach(
            (key, value) ->
                visual.add(fresh.getOrDefault(DocumentParser.normalise(key), key), value));
    JsonObject layout = visual.build();
    return new ScenarioDefinition(
        null, name, false, triggers, elements, layout, source.exits(), source.reentry());
  }
}
