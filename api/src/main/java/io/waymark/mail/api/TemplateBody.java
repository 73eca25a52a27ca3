package io.waymark.mail.api;

import io.waymark.mail.boundary.TemplateChange;
import io.waymark.platform.api.JsonBody;
import io.waymark.platform.json.PlainJson;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.Map;

/**
 * Reads template, preview and send bodies: the types of every field (all errors at once); the rules
 * are the boundary's.
 */
final class TemplateBody {

  /**
   * A preview or send request: the user, the extra template variables and (send only) an
   * idempotency key.
   */
  record ForUser(long userId, Map<String, Object> params, String idempotencyKey) {}

  private TemplateBody() {}

  static TemplateChange template(String raw) {
    JsonBody body = JsonBody.parse(raw);
    TemplateChange change =
        new TemplateChange(
            body.string("code", false),
            body.string("name", false),
            body.string("subject", false),
            body.string("html_body", false),
            body.string("text_body", false));
    body.done();
    return change;
  }

  static ForUser forUser(String raw) {
    JsonBody body = JsonBody.parse(raw);
    Long userId = body.id("user_id", true);
    Map<String, Object> params = Map.of();
    JsonValue given = body.json().get("params");
    if (given instanceof JsonObject object) {
      params = PlainJson.map(object);
    } else if (given != null && given.getValueType() != JsonValue.ValueType.NULL) {
      body.error("params", "must be an object");
    }
    String key = body.string("idempotency_key", false);
    if (key != null && (key.isBlank() || key.length() > 100)) {
      body.error("idempotency_key", "must be 1-100 characters");
    }
    body.done();
    return new ForUser(userId, params, key);
  }
}
