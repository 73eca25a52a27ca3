package io.waymark.scenarios.engine.control;

import io.waymark.segments.control.CompileContext;
import io.waymark.segments.control.CriterionType;
import io.waymark.segments.control.SqlFragment;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.List;

/**
 * {@code trigger.param} {name, operator: eq | neq | exists, value}: compares a parameter of the
 * job's trigger payload (as text). Compiles to a predicate on bound values only, so it combines
 * with the user criteria in one query.
 */
public final class TriggerParamCriterion implements CriterionType {

  static final List<String> OPERATORS = List.of("eq", "neq", "exists");

  private final JsonObject payload;

  public TriggerParamCriterion(JsonObject payload) {
    this.payload = payload;
  }

  @Override
  public String key() {
    return "trigger.param";
  }

  @Override
  public String label() {
    return "Trigger parameter";
  }

  @Override
  public List<Param> params() {
    return List.of(
        new Param("name", "string", true, List.of(), "the trigger payload's parameter"),
        new Param("operator", "enum", false, OPERATORS, "eq (default), neq or exists"),
        new Param(
            "value",
            "string|number|boolean",
            false,
            List.of(),
            "the value to compare with (not for exists)"));
  }

  @Override
  public SqlFragment compile(JsonObject params, String path, CompileContext context) {
    String name = params.get("name") instanceof JsonString s ? s.getString() : null;
    String operator = params.get("operator") instanceof JsonString s ? s.getString() : "eq";
    if (name == null || name.isBlank()) {
      context.error(path + ".name", "is required");
      return null;
    }
    if (!OPERATORS.contains(operator)) {
      context.error(path + ".operator", "must be one of " + OPERATORS);
      return null;
    }
    String actual = text(payload.get(name));
    if (operator.equals("exists")) {
      return new SqlFragment().text(actual != null ? "true" : "false");
    }
    String expected = text(params.get("value"));
    if (expected == null) {
      context.error(path + ".value", "is required");
      return null;
    }
    if (actual == null) {
      // a parameter the payload does not have differs from every value (and null is never bound)
      return new SqlFragment().text(operator.equals("neq") ? "true" : "false");
    }
    return new SqlFragment()
        .text("coalesce(cast(")
        .bind(actual)
        .text(" as text) " + (operator.equals("eq") ? "=" : "<>") + " cast(")
        .bind(expected)
        .text(" as text), false)");
  }

  static String text(JsonValue value) {
    if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
      return null;
    }
    if (value instanceof JsonString s) {
      return s.getString();
    }
    if (value instanceof JsonNumber n) {
      return n.isIntegral()
          ? n.bigIntegerValue().toString()
          : n.bigDecimalValue().stripTrailingZeros().toPlainString();
    }
    return value.toString();
  }
}
