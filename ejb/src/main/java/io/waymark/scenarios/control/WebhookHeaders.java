package io.waymark.scenarios.control;

import io.waymark.platform.error.FieldError;
import io.waymark.platform.error.WaymarkException;
import io.waymark.platform.json.JsonSupport;
import io.waymark.platform.secrets.Secrets;
import io.waymark.scenarios.control.ScenarioDefinition.Element;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A webhook element's {@code headers} (an {@code Authorization} value, an API key) are secrets:
 * stored sealed ({@link Secrets}), shown as {@link Secrets#MASK}, and a mask sent back on update
 * keeps the value stored for that header of that element. The engine copies the sealed values into
 * the delivery and the sender opens them just before the call.
 */
@Dependent
public class WebhookHeaders {

  /** The associated data the header values are sealed with. */
  public static final String PURPOSE = "scenario-webhook-header";

  private static final String WEBHOOK = "webhook";

  @Inject Secrets secrets;

  /** A client's document may not carry sealed values: they come from the store only. */
  public static void refuseSealed(ScenarioDefinition definition) {
    List<FieldError> errors = new ArrayList<>();
    for (Element e : definition.elements().values()) {
      headers(e.type(), e.options())
          .forEach(
              (name, value) -> {
                if (value instanceof JsonString s && Secrets.isSealed(s.getString())) {
                  errors.add(
                      new FieldError(
                          "elements." + e.uuid(),
                          "option 'headers': the value of "
                              + name
                              + " looks like a stored secret; send the value, or "
                              + Secrets.MASK
                              + " to keep the stored one"));
                }
              });
    }
    if (!errors.isEmpty()) {
      throw new WaymarkException(
          422,
          "validation_error",
          "The scenario is not valid: " + errors.get(0).path() + ": " + errors.get(0).message(),
          null,
          errors);
    }
  }

  /**
   * The element's options to store: every header value sealed, a mask replaced by what {@code
   * storedOptions} (the element's stored options, or null for a new element) holds for it, and a
   * value already sealed (a duplicate's copy) kept.
   */
  public JsonObject sealed(Element e, String storedOptions, String path) {
    JsonObject headers = headers(e.type(), e.options());
    if (headers.isEmpty()) {
      return e.options();
    }
    JsonObject stored = headers(e.type(), parse(storedOptions));
    JsonObjectBuilder out = JsonSupport.JSON.createObjectBuilder();
    headers.forEach(
        (name, value) -> {
          String given = ((JsonString) value).getString();
          if (Secrets.MASK.equals(given)) {
            if (!(stored.get(name) instanceof JsonString kept)) {
              throw WaymarkException.unprocessable(
                  "validation_error",
                  "The scenario is not valid: "
                      + path
                      + ": option 'headers': "
                      + name
                      + " is "
                      + Secrets.MASK
                      + " but no value is stored for it");
            }
            out.add(name, kept.getString());
          } else if (Secrets.isSealed(given)) {
            out.add(name, given);
          } else {
            out.add(name, secrets.seal(PURPOSE, given));
          }
        });
    return JsonSupport.JSON.createObjectBuilder(e.options()).add("headers", out).build();
  }

  /** The options as people see them: every header value masked. */
  public static JsonObject masked(String type, JsonObject options) {
    JsonObject headers = headers(type, options);
    if (headers.isEmpty()) {
      return options;
    }
    JsonObjectBuilder out = JsonSupport.JSON.createObjectBuilder();
    headers.keySet().forEach(name -> out.add(name, Secrets.MASK));
    return JsonSupport.JSON.createObjectBuilder(options).add("headers", out).build();
  }

  /** A delivery's stored headers ({@code {"name":"sealed value"}}) opened for the call. */
  public Map<String, String> opened(String storedHeaders) {
    Map<String, String> out = new LinkedHashMap<>();
    parse(storedHeaders)
        .forEach(
            (name, value) -> {
              if (value instanceof JsonString s) {
                String v = s.getString();
                out.put(name, Secrets.isSealed(v) ? secrets.open(PURPOSE, v) : v);
              }
            });
    return out;
  }

  /**
   * A webhook element's stored options with header values stored in clear (before secrets existed)
   * sealed, or null when there are none; {@link IllegalStateException} naming what to do when there
   * are and no key is configured.
   */
  public String sealClearOptions(String storedOptions) {
    JsonObject options = parse(storedOptions);
    JsonObject sealed = sealClear(headers(WEBHOOK, options));
    return sealed == null
        ? null
        : JsonSupport.JSON.createObjectBuilder(options).add("headers", sealed).build().toString();
  }

  /** A delivery's stored headers with values in clear sealed, or null when there are none. */
  public String sealClearHeaders(String storedHeaders) {
    JsonObject sealed = sealClear(parse(storedHeaders));
    return sealed == null ? null : sealed.toString();
  }

  private JsonObject sealClear(JsonObject headers) {
    boolean clear =
        headers.values().stream()
            .anyMatch(v -> v instanceof JsonString s && !Secrets.isSealed(s.getString()));
    if (!clear) {
      return null;
    }
    if (!secrets.available()) {
      throw new IllegalStateException(
          "Webhook headers are stored in clear and waymark.secrets.key is not configured: set it"
              + " (base64 of 32 random bytes; the quick start generates one into its data"
              + " directory) and start again, they are sealed then");
    }
    JsonObjectBuilder out = JsonSupport.JSON.createObjectBuilder();
    headers.forEach(
        (name, value) ->
            out.add(
                name,
                value instanceof JsonString s && !Secrets.isSealed(s.getString())
                    ? JsonSupport.JSON.createValue(secrets.seal(PURPOSE, s.getString()))
                    : value));
    return out.build();
  }

  private static JsonObject headers(String type, JsonObject options) {
    if (!WEBHOOK.equals(type) || options == null) {
      return JsonValue.EMPTY_JSON_OBJECT;
    }
    return options.get("headers") instanceof JsonObject h ? h : JsonValue.EMPTY_JSON_OBJECT;
  }

  private static JsonObject parse(String json) {
    if (json == null || json.isBlank()) {
      return JsonValue.EMPTY_JSON_OBJECT;
    }
    try (var reader = JsonSupport.JSON.createReader(new StringReader(json))) {
      return reader.readObject();
    }
  }
}
