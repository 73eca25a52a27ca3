package io.waymark.scenarios.engine.entity;

import jakarta.json.JsonObject;

/**
 * An element as the engine reads it from V9's {@code scenario_elements}; options without the
 * descendants.
 */
public record Element(
    long id,
    long scenarioId,
    String uuid,
    String name,
    String type,
    JsonObject options,
    boolean deleted) {}
