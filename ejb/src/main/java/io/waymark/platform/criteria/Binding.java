package io.waymark.platform.criteria;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

/**
 * What a compiled criterion is bound to at run time: the user (null for a whole segment) and the
 * payload of what triggered the run (a scenario's trigger, later a rule's event).
 */
public record Binding(Long userId, JsonObject payload) {

  /** A segment: every user, no payload. */
  public static final Binding NONE = new Binding(null, JsonValue.EMPTY_JSON_OBJECT);

  public Binding {
    payload = payload == null ? JsonValue.EMPTY_JSON_OBJECT : payload;
  }
}
