package io.waymark.segments.control;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code user.field}: compares a user column with a value; columns and operators come from
 * whitelists.
 */
public final class UserFieldCriterion implements CriterionType {

  private enum Kind {
    TEXT,
    BOOLEAN,
    TIME
  }

  private static final Map<String, Kind> FIELDS =
      Map.of(
          "email",
          Kind.TEXT,
          "locale",
          Kind.TEXT,
          "public_name",
          Kind.TEXT,
          "active",
          Kind.BOOLEAN,
          "created_at",
          Kind.TIME,
          "confirmed_at",
          Kind.TIME);
  private static final List<String> OPERATORS =
      List.of("eq", "ne", "lt", "gt", "contains", "is_empty", "in");

  @Override
  public String key() {
    return "user.field";
  }

  @Override
  public String label() {
    return "User field";
  }

  @Override
  public List<Param> params() {
    return List.of(
        new Param(
            "field",
            "enum",
            true,
            List.copyOf(new java.util.TreeSet<>(FIELDS.keySet())),
            "the user field"),
        new Param("operator", "enum", true, OPERATORS, "how to compare"),
        new Param(
            "value",
            "string|boolean|time|array",
            false,
            List.of(),
            "the value (not for is_empty; an array for in)"));
  }

  @Override
  public SqlFragment compile(JsonObject json, String path, CompileContext context) {
    Params p = new Params(json, path, context);
    String field = p.oneOf("field", List.copyOf(FIELDS.keySet()), true);
    String operator = p.oneOf("operator", OPERATORS, true);
    if (!p.ok()) {
      return null;
    }
    Kind kind = FIELDS.get(field);
    String column = "u." + field; // from the whitelist above, never from input
    if (operator.equals("is_empty")) {
      return new SqlFragment()
          .text(kind == Kind.TEXT ? "coalesce(" + column + ", '') = ''" : column + " is null");
    }
    JsonValue value = p.raw("value");
    if (operator.equals("in")) {
      if (kind != Kind.TEXT
          || value == null
          || value.getValueType() != JsonValue.ValueType.ARRAY
          || value.asJsonArray().isEmpty()) {
        p.error("value", "'in' takes a non-empty array of strings on a text field");
        return null;
      }
      List<String> values = new ArrayList<>();
      for (JsonValue v : value.asJsonArray()) {
        if (!(v instanceof JsonString s)) {
          p.error("value", "'in' takes a non-empty array of strings on a text field");
          return null;
        }
        values.add(s.getString().toLowerCase(java.util.Locale.ROOT));
      }
      return new SqlFragment()
          .text("lower(" + column + ") = any(")
          .bind(values.toArray(new String[0]))
          .text(")");
    }
    return switch (kind) {
      case TEXT -> text(column, operator, value, p);
      case BOOLEAN -> bool(column, operator, value, p);
      case TIME -> time(column, operator, value, p);
    };
  }

  private static SqlFragment text(String column, String operator, JsonValue value, Params p) {
    if (!(value instanceof JsonString s)) {
      p.error("value", "must be a string");
      return null;
    }
    String v = s.getString();
    return switch (operator) {
      case "eq" -> new SqlFragment().text("lower(" + column + ") = lower(").bind(v).text(")");
      case "ne" ->
          new SqlFragment().text("lower(coalesce(" + column + ", '')) <> lower(").bind(v).text(")");
      case "lt" -> new SqlFragment().text(column + " < ").bind(v);
      case "gt" -> new SqlFragment().text(column + " > ").bind(v);
      case "contains" ->
          new SqlFragment()
              .text(column + " ilike ")
              .bind("%" + escapeLike(v) + "%")
              .text(" escape '\\'");
      default -> unsupported(operator, p);
    };
  }

  private static SqlFragment bool(String column, String operator, JsonValue value, Params p) {
    if (value != JsonValue.TRUE && value != JsonValue.FALSE) {
      p.error("value", "must be true or false");
      return null;
    }
    boolean v = value == JsonValue.TRUE;
    return switch (operator) {
      case "eq" -> new SqlFragment().text(column + " = ").bind(v);
      case "ne" -> new SqlFragment().text(column + " <> ").bind(v);
      default -> unsupported(operator, p);
    };
  }

  private static SqlFragment time(String column, String operator, JsonValue value, Params p) {
    Instant v = Params.time(value);
    if (v == null) {
      p.error("value", "must be an ISO-8601 time with offset, e.g. 2026-01-31T00:00:00Z");
      return null;
    }
    return switch (operator) {
      case "eq" -> new SqlFragment().text(column + " = ").bind(v);
      case "ne" -> new SqlFragment().text(column + " is distinct from ").bind(v);
      case "lt" -> new SqlFragment().text(column + " < ").bind(v);
      case "gt" -> new SqlFragment().text(column + " > ").bind(v);
      default -> unsupported(operator, p);
    };
  }

  private static SqlFragment unsupported(String operator, Params p) {
    p.error("operator", "'" + operator + "' does not apply to this field");
    return null;
  }

  static String escapeLike(String text) {
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }
}
