package io.waymark.users.boundary;

import io.waymark.platform.error.FieldError;
import io.waymark.platform.plugins.ValueType;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Field rules for users: one place for the API and the console. */
public final class UserRules {

  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+");
  private static final Pattern LOCALE = Pattern.compile("[a-zA-Z]{2,3}([_-][a-zA-Z0-9]{2,8})*");
  public static final int MIN_PASSWORD = 8;

  private UserRules() {}

  public static void validate(NewUser u, List<FieldError> errors) {
    if (u.email() == null || u.email().isBlank()) {
      errors.add(new FieldError("email", "is required"));
    } else if (!EMAIL.matcher(u.email().strip()).matches() || u.email().length() > 255) {
      errors.add(new FieldError("email", "is not a valid email address"));
    }
    if (u.password() != null && u.password().length() < MIN_PASSWORD) {
      errors.add(new FieldError("password", "must have at least " + MIN_PASSWORD + " characters"));
    }
    length("first_name", u.firstName(), errors);
    length("last_name", u.lastName(), errors);
    length("public_name", u.publicName(), errors);
    if (u.locale() != null && !LOCALE.matcher(u.locale()).matches()) {
      errors.add(new FieldError("locale", "is not a locale such as 'en_US'"));
    }
    if (u.timezone() != null) {
      try {
        ZoneId.of(u.timezone());
      } catch (DateTimeException e) {
        errors.add(new FieldError("timezone", "is not a time zone such as 'Europe/Bratislava'"));
      }
    }
  }

  /**
   * A JSON Merge Patch (RFC 7396) of a user's standard fields as values the users store sets:
   * {@code null} clears (email and active cannot be cleared), an absent field stays. Every problem
   * is reported by field name: an unknown field, a wrong type, a value breaking the field's rule.
   */
  public static Map<String, Object> patch(
      JsonObject patch, Map<String, FieldDefinition> definitions, List<FieldError> errors) {
    Map<String, Object> values = new LinkedHashMap<>();
    patch.forEach(
        (name, value) -> {
          boolean isNull = value.getValueType() == JsonValue.ValueType.NULL;
          switch (name) {
            case "email" -> {
              if (isNull) {
                values.put(name, null); // the boundary answers contact_required
              } else if (!(value instanceof JsonString s)
                  || !EMAIL.matcher(s.getString().strip()).matches()
                  || s.getString().length() > 255) {
                errors.add(new FieldError(name, "is not a valid email address"));
              } else {
                values.put(name, s.getString().strip());
              }
            }
            case "first_name", "last_name", "public_name" -> {
              String text = text(name, value, errors);
              if (text != null || isNull) {
                length(name, text, errors);
                values.put(name, text);
              }
            }
            case "locale" -> {
              String text = text(name, value, errors);
              if (text != null && !LOCALE.matcher(text).matches()) {
                errors.add(new FieldError(name, "is not a locale such as 'en_US'"));
              } else if (text != null || isNull) {
                values.put(name, text);
              }
            }
            case "timezone" -> {
              String text = text(name, value, errors);
              if (text != null && !isZone(text)) {
                errors.add(new FieldError(name, "is not a time zone such as 'Europe/Bratislava'"));
              } else if (text != null || isNull) {
                values.put(name, text);
              }
            }
            case "active" -> {
              if (value != JsonValue.TRUE && value != JsonValue.FALSE) {
                errors.add(new FieldError(name, "must be true or false"));
              } else {
                values.put(name, value == JsonValue.TRUE);
              }
            }
            case "confirmed_at" -> {
              Instant at = value instanceof JsonString s ? ValueType.time(s.getString()) : null;
              if (at == null && !isNull) {
                errors.add(
                    new FieldError(
                        name, "must be an ISO-8601 time with offset, e.g. 2026-01-31T10:00:00Z"));
              } else {
                values.put(name, at);
              }
            }
            case "fields" -> custom(value, definitions, values, errors);
            default -> errors.add(new FieldError(name, "is not a user field"));
          }
        });
    return values;
  }

  /** The longest custom string value. */
  static final int MAX_CUSTOM_TEXT = 1000;

  /**
   * {@code "fields":{...}}, merged the same way: each code must be defined, each value of its type
   * ({@code YYYY-MM-DD} for a date), {@code null} clears; as {@code fields.<code>} values.
   */
  private static void custom(
      JsonValue value,
      Map<String, FieldDefinition> definitions,
      Map<String, Object> values,
      List<FieldError> errors) {
    if (!(value instanceof JsonObject fields)) {
      errors.add(new FieldError("fields", "must be an object of custom field values"));
      return;
    }
    fields.forEach(
        (code, v) -> {
          String name = "fields." + code;
          FieldDefinition definition = definitions.get(code);
          if (definition == null) {
            errors.add(new FieldError(name, "is not a defined field (see /user-fields)"));
            return;
          }
          if (v.getValueType() == JsonValue.ValueType.NULL) {
            values.put(name, null);
            return;
          }
          ValueType type = definition.valueType();
          boolean fits =
              switch (type) {
                case NUMBER -> v instanceof JsonNumber;
                case BOOLEAN -> v == JsonValue.TRUE || v == JsonValue.FALSE;
                default -> v instanceof JsonString;
              };
          Object typed = fits ? type.convert(v) : null;
          if (typed instanceof java.time.LocalDate date) {
            typed = date.toString();
          } else if (typed instanceof String text && text.length() > MAX_CUSTOM_TEXT) {
            typed = null;
          }
          if (typed == null) {
            errors.add(
                new FieldError(
                    name,
                    type == ValueType.DATE
                        ? "must be a date, YYYY-MM-DD"
                        : type == ValueType.STRING
                            ? "must be a string of at most " + MAX_CUSTOM_TEXT + " characters"
                            : "must be a " + definition.type()));
          } else {
            values.put(name, typed);
          }
        });
  }

  private static String text(String name, JsonValue value, List<FieldError> errors) {
    if (value instanceof JsonString s) {
      return s.getString();
    }
    if (value.getValueType() != JsonValue.ValueType.NULL) {
      errors.add(new FieldError(name, "must be a string"));
    }
    return null;
  }

  private static boolean isZone(String text) {
    try {
      ZoneId.of(text);
      return true;
    } catch (DateTimeException e) {
      return false;
    }
  }

  private static void length(String field, String value, List<FieldError> errors) {
    if (value != null && value.length() > 255) {
      errors.add(new FieldError(field, "must have at most 255 characters"));
    }
  }
}
