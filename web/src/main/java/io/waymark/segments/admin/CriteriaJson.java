package io.waymark.segments.admin;

import io.waymark.platform.json.JsonSupport;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Between the criteria JSON of the boundary and the builder's nodes, whose parameters are text.
 * Typing follows the registry: {@code integer} parameters become numbers when they read as one,
 * {@code user.field}'s {@code value} becomes a boolean, a time text or a list as its field and
 * operator need. Text that is not of the expected type is passed on as it was typed, so the
 * boundary names the problem at the node (one set of rules, the boundary's).
 */
final class CriteriaJson {

  static final String USER_FIELD = "user.field";

  /**
   * The user fields whose {@code value} is true or false; the registry lists the fields but not
   * their types.
   */
  static final Set<String> BOOLEAN_FIELDS = Set.of("active");

  /** The user fields whose {@code value} is an ISO-8601 time. */
  static final Set<String> TIME_FIELDS = Set.of("created_at", "confirmed_at");

  private CriteriaJson() {}

  static CriteriaNode read(JsonValue json, CriteriaTree tree) {
    if (!(json instanceof JsonObject object) || !(object.get("type") instanceof JsonString type)) {
      return null;
    }
    if (CriteriaNode.CRITERION.equals(type.getString())) {
      CriteriaNode node =
          tree.criterion(object.get("key") instanceof JsonString k ? k.getString() : null);
      JsonObject params =
          object.get("params") instanceof JsonObject p ? p : JsonValue.EMPTY_JSON_OBJECT;
      node.getParams().forEach(field -> field.setValue(text(params.get(field.getName()))));
      return node;
    }
    if (!List.of(CriteriaNode.AND, CriteriaNode.OR, CriteriaNode.NOT).contains(type.getString())) {
      return null;
    }
    CriteriaNode group = tree.group(type.getString());
    if (object.get("nodes") instanceof jakarta.json.JsonArray nodes) {
      for (JsonValue child : nodes) {
        CriteriaNode node = read(child, tree);
        if (node != null) {
          group.getNodes().add(node);
        }
      }
    }
    return group;
  }

  /**
   * A parameter's JSON value as text: strings bare, numbers and booleans as written, a list as
   * {@code a, b}.
   */
  static String text(JsonValue value) {
    if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
      return "";
    }
    if (value instanceof JsonString s) {
      return s.getString();
    }
    if (value instanceof JsonNumber n) {
      return n.bigDecimalValue().toPlainString();
    }
    if (value instanceof jakarta.json.JsonArray array) {
      return array.stream().map(CriteriaJson::text).collect(Collectors.joining(", "));
    }
    return value.toString();
  }

  static JsonObject write(CriteriaNode node, CriteriaTree tree) {
    JsonObjectBuilder json = JsonSupport.JSON.createObjectBuilder().add("type", node.getType());
    if (node.isGroup()) {
      JsonArrayBuilder nodes = JsonSupport.JSON.createArrayBuilder();
      node.getNodes().forEach(child -> nodes.add(write(child, tree)));
      return json.add("nodes", nodes).build();
    }
    JsonObjectBuilder params = JsonSupport.JSON.createObjectBuilder();
    for (ParamField field : node.getParams()) {
      JsonValue value = value(node, field);
      if (value != null) {
        params.add(field.getName(), value);
      }
    }
    return json.add("key", node.getKey() == null ? "" : node.getKey())
        .add("params", params)
        .build();
  }

  /** The JSON of one parameter, or null to leave it out (blank). */
  static JsonValue value(CriteriaNode node, ParamField field) {
    String text = field.getValue().strip();
    if (USER_FIELD.equals(node.getKey()) && field.getName().equals("value")) {
      return userFieldValue(node.value("field"), node.value("operator"), text);
    }
    if (text.isEmpty()) {
      return null;
    }
    if (field.getSpec().type().equals("integer")) {
      try {
        return JsonSupport.JSON.createValue(Long.parseLong(text));
      } catch (NumberFormatException e) {
        return JsonSupport.JSON.createValue(text); // the boundary says what it must be
      }
    }
    return JsonSupport.JSON.createValue(text);
  }

  private static JsonValue userFieldValue(String field, String operator, String text) {
    if (operator.equals("is_empty")) {
      return null;
    }
    if (operator.equals("in")) {
      JsonArrayBuilder values = JsonSupport.JSON.createArrayBuilder();
      for (String part : text.split(",")) {
        if (!part.isBlank()) {
          values.add(part.strip());
        }
      }
      return values.build();
    }
    if (BOOLEAN_FIELDS.contains(field)) {
      if (text.equals("true") || text.equals("false")) {
        return text.equals("true") ? JsonValue.TRUE : JsonValue.FALSE;
      }
      return text.isEmpty() ? null : JsonSupport.JSON.createValue(text);
    }
    if (TIME_FIELDS.contains(field) && text.isEmpty()) {
      return null;
    }
    return JsonSupport.JSON.createValue(text); // text fields: "" is a value too
  }

  /**
   * A new criterion's parameters: required enumerations start at their first value, a boolean user
   * field at true.
   */
  static List<ParamField> defaults(CriterionSpec spec) {
    List<ParamField> params = new ArrayList<>();
    if (spec == null) {
      return params;
    }
    for (CriterionSpec.Param param : spec.params()) {
      boolean firstValue =
          param.required() && param.type().equals("enum") && !param.values().isEmpty();
      params.add(new ParamField(param, firstValue ? param.values().get(0) : ""));
    }
    if (spec.key().equals(USER_FIELD)) {
      String field =
          params.stream()
              .filter(p -> p.getName().equals("field"))
              .map(ParamField::getValue)
              .findFirst()
              .orElse("");
      params.stream()
          .filter(p -> p.getName().equals("value"))
          .forEach(p -> p.setValue(BOOLEAN_FIELDS.contains(field) ? "true" : ""));
    }
    return params;
  }
}
