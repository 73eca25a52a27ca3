package io.waymark.mail.api;

import jakarta.json.JsonObject;
import java.util.Map;

/** Template parameters given as JSON (API bodies, the console's preview) as plain Java values for Pebble. */
public final class JsonParams {

  private JsonParams() {}

  public static Map<String, Object> of(JsonObject object) {
    return TemplateBody.map(object);
  }
}
