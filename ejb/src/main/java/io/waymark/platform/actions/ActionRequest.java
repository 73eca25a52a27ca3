package io.waymark.platform.actions;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.Map;

/**
 * One performance: for {@code userId}, with the action's {@code params}, the {@code payload} of
 * what started the caller (a scenario's trigger, a rule's event), the caller's {@code context}
 * (e.g. {@code scenario_id}, {@code element_id}: template variables, webhook body members) and the
 * {@code key} that makes it happen once.
 */
public record ActionRequest(
    long userId, JsonObject params, JsonObject payload, Map<String, Object> context, String key) {

  public ActionRequest {
    params = params == null ? JsonValue.EMPTY_JSON_OBJECT : params;
    payload = payload == null ? JsonValue.EMPTY_JSON_OBJECT : payload;
    context = context == null ? Map.of() : context;
  }
}
