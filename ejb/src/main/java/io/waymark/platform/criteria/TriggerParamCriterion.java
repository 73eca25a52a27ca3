package io.waymark.platform.criteria;

import io.waymark.platform.plugins.Operator;
import io.waymark.platform.plugins.Param;
import io.waymark.platform.plugins.ValueType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * {@code trigger.param} {name, operator, value}: compares a parameter of the payload that started
 * the run ({@code goal_code}, {@code properties.plan}: a dotted name walks nested objects) with the
 * value, in Java, by the operators of SPEC §1. The value's JSON type chooses the comparison: a
 * number compares numerically, {@code true}/{@code false} as booleans, a string with an offset as a
 * time, any other string as text; a parameter that does not convert compares false. Offered in
 * scenario conditions (segments have no payload).
 */
@ApplicationScoped
public class TriggerParamCriterion implements CriterionPlugin {

  public static final String KEY = "trigger.param";

  static final Set<Operator> OPERATORS = EnumSet.allOf(Operator.class);

  @Override
  public String key() {
    return KEY;
  }

  @Override
  public String label() {
    return "Trigger parameter";
  }

  @Override
  public Set<Use> uses() {
    return EnumSet.of(Use.CONDITION);
  }

  @Override
  public List<Param> params() {
    return List.of(
        Param.required(
            "name",
            "string",
            "a parameter of the trigger's payload, e.g. goal_code or properties.plan"),
        Param.choice("operator", true, Operator.keys(OPERATORS), "how the parameter is compared"),
        Param.optional(
            "value",
            "any",
            "the value compared with: its JSON type sets the comparison (an array for in; none for"
                + " is_empty and exists)"));
  }

  @Override
  public Compiled compile(JsonObject json, String path, CompileContext context) {
    Params p = new Params(json, path, context);
    String name = p.string("name", true);
    Operator operator = p.operator("operator", OPERATORS, true);
    if (!p.ok()) {
      return null;
    }
    JsonValue value = p.raw("value");
    if (!operator.takesValue()) {
      return new Comparison(name, operator, ValueType.STRING, null, json);
    }
    if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
      p.error("value", "is required for " + operator.key());
      return null;
    }
    if (operator == Operator.IN) {
      return in(name, value, json, p);
    }
    ValueType type = ValueType.of(value);
    if (!type.allows(operator)) {
      p.error("value", operator.key() + " does not compare a " + type.key());
      return null;
    }
    Object expected = type.convert(value);
    if (expected == null) {
      p.error("value", "must be a string, a number or a boolean");
      return null;
    }
    return new Comparison(name, operator, type, expected, json);
  }

  private static Compiled in(String name, JsonValue value, JsonObject json, Params p) {
    if (!(value instanceof JsonArray array) || array.isEmpty()) {
      p.error("value", "in takes a non-empty array");
      return null;
    }
    ValueType type = ValueType.of(array.get(0));
    List<Object> values = new ArrayList<>();
    for (JsonValue v : array) {
      Object converted = ValueType.of(v) == type ? type.convert(v) : null;
      if (converted == null || type == ValueType.BOOLEAN) {
        p.error("value", "in takes an array of strings or numbers, all of one type");
        return null;
      }
      values.add(converted);
    }
    return new Comparison(name, Operator.IN, type, List.copyOf(values), json);
  }

  /** The parameter by name, or by its dotted path through nested objects; null when absent. */
  static JsonValue lookup(JsonObject payload, String name) {
    if (payload.containsKey(name)) {
      return payload.get(name);
    }
    JsonValue at = payload;
    for (String part : name.split("\\.")) {
      if (!(at instanceof JsonObject o) || !o.containsKey(part)) {
        return null;
      }
      at = o.get(part);
    }
    return at;
  }

  private record Comparison(
      String name, Operator operator, ValueType type, Object expected, JsonObject params)
      implements Compiled {

    @Override
    public Bound bind(Binding binding) {
      return Bound.of(test(lookup(binding.payload(), name)));
    }

    private boolean test(JsonValue found) {
      boolean empty =
          found == null
              || found.getValueType() == JsonValue.ValueType.NULL
              || found instanceof JsonString s && s.getString().isEmpty();
      return operator.test(type.convert(found), found != null, empty, expected);
    }

    @Override
    public List<Explained> explain(Binding binding) {
      JsonValue found = lookup(binding.payload(), name);
      return List.of(
          new Explained(KEY, params, found == null ? null : found.toString(), test(found)));
    }
  }
}
