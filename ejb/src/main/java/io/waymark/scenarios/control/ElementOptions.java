package io.waymark.scenarios.control;

import io.waymark.platform.error.FieldError;
import io.waymark.platform.http.OutboundHeaders;
import io.waymark.segments.control.CompileContext;
import io.waymark.segments.control.Criteria;
import io.waymark.segments.control.CriteriaCompiler;
import io.waymark.segments.control.CriteriaParser;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The element types and the checks of their options (SPEC §6). Each problem is one message starting
 * with the type, e.g. {@code goal: option 'recheckPeriodMinutes' is required}.
 */
public final class ElementOptions {

  public static final Set<String> TYPES =
      Set.of(
          "goal", "wait", "segment", "condition", "email", "sms", "banner", "webhook", "ab_test");

  /**
   * The criterion over the trigger payload that {@code condition} elements add to the segment
   * criteria.
   */
  public static final String TRIGGER_PARAM = "trigger.param";

  public static final List<String> TRIGGER_PARAM_OPERATORS =
      List.of("eq", "neq", "gt", "gte", "lt", "lte", "contains", "exists");
  static final CriteriaCompiler CRITERIA = CriteriaCompiler.standard();

  private final String type;
  private final JsonObject options;
  private final References references;
  private final Consumer<String> problems;

  private ElementOptions(
      String type, JsonObject options, References references, Consumer<String> problems) {
    this.type = type;
    this.options = options;
    this.references = references;
    this.problems = problems;
  }

  /** Reports each problem of the options of an element of a known type. */
  static void check(
      String type, JsonObject options, References references, Consumer<String> problems) {
    new ElementOptions(type, options, references, problems).check();
  }

  private void check() {
    switch (type) {
      case "goal" -> {
        JsonValue codes = options.get("codes");
        if (codes == null || codes == JsonValue.NULL) {
          problem("option 'codes' is required");
        } else if (codes.getValueType() != JsonValue.ValueType.ARRAY
            || codes.asJsonArray().isEmpty()
            || codes.asJsonArray().stream().anyMatch(v -> !(v instanceof JsonString))) {
          problem("option 'codes' must be a non-empty array of goal codes");
        } else {
          codes
              .asJsonArray()
              .forEach(
                  v -> {
                    String code = ((JsonString) v).getString();
                    if (!references.goalExists(code)) {
                      problem("unknown goal code '" + code + "'");
                    }
                  });
        }
        minutes("recheckPeriodMinutes", true);
        minutes("timeoutMinutes", false);
      }
      case "wait" -> minutes("minutes", true);
      case "segment" -> {
        String code = string("code", true);
        if (code != null && !references.segmentExists(code)) {
          problem("unknown segment code '" + code + "'");
        }
      }
      case "condition" -> criteria();
      case "email" -> {
        String code = string("template_code", true);
        if (code != null && Boolean.FALSE.equals(references.templateExists(code))) {
          problem("unknown template code '" + code + "'");
        }
      }
      // SMS templates do not exist yet (the SMS feature will bring them): the code is stored
      // unchecked
      case "sms" -> string("template_code", true);
      case "banner" -> {
        Long id = integer("banner_id", true, 1);
        if (id != null && !references.bannerExists(id)) {
          problem("unknown banner id " + id);
        }
        minutes("expiresInMinutes", true);
      }
      case "webhook" -> webhook();
      case "ab_test" -> variants();
      default -> throw new IllegalArgumentException(type);
    }
  }

  private void webhook() {
    String url = string("url", true);
    if (url != null) {
      references.outboundProblem(url).ifPresent(p -> problem("option 'url' " + p));
    }
    JsonValue headers = options.get("headers");
    if (headers == null || headers == JsonValue.NULL) {
      return;
    }
    if (!(headers instanceof JsonObject h
        && h.values().stream().allMatch(v -> v instanceof JsonString))) {
      problem("option 'headers' must be an object of string values");
      return;
    }
    headers
        .asJsonObject()
        .forEach(
            (name, value) ->
                OutboundHeaders.problem(name)
                    .or(() -> OutboundHeaders.valueProblem(name, ((JsonString) value).getString()))
                    .ifPresent(p -> problem("option 'headers': " + p)));
  }

  private void variants() {
    JsonValue variants = options.get("variants");
    if (variants == null || variants == JsonValue.NULL) {
      problem("option 'variants' is required");
      return;
    }
    if (variants.getValueType() != JsonValue.ValueType.ARRAY || variants.asJsonArray().isEmpty()) {
      problem("option 'variants' must be a non-empty array");
      return;
    }
    long sum = 0;
    var array = variants.asJsonArray();
    for (int i = 0; i < array.size(); i++) {
      if (!(array.get(i) instanceof JsonObject v)
          || !(v.get("code") instanceof JsonString)
          || !(v.get("name") instanceof JsonString)
          || !(v.get("distribution") instanceof JsonNumber n
              && n.isIntegral()
              && n.longValue() >= 0
              && n.longValue() <= 100)) {
        problem("variant " + i + " needs a code, a name and a distribution from 0 to 100");
        return;
      }
      sum += v.getJsonNumber("distribution").longValue();
    }
    if (sum != 100) {
      problem("the variants' distributions add up to " + sum + ", not 100");
    }
  }

  private void criteria() {
    JsonValue tree = options.get("criteria");
    if (tree == null || tree == JsonValue.NULL) {
      problem("option 'criteria' is required");
      return;
    }
    List<FieldError> errors = new ArrayList<>();
    CompileContext context = new CompileContext(errors, code -> Optional.empty());
    Criteria criteria = CriteriaParser.parse(tree, "criteria", context);
    if (criteria != null) {
      criterion(criteria, "criteria", context);
    }
    errors.forEach(e -> problem(e.path() + ": " + e.message()));
  }

  private void criterion(Criteria node, String path, CompileContext context) {
    if (node instanceof Criteria.Group g) {
      for (int i = 0; i < g.nodes().size(); i++) {
        criterion(g.nodes().get(i), path + ".nodes[" + i + "]", context);
      }
      return;
    }
    Criteria.Criterion c = (Criteria.Criterion) node;
    if (TRIGGER_PARAM.equals(c.key())) {
      if (!(c.params().get("name") instanceof JsonString name) || name.getString().isBlank()) {
        context.error(path + ".params.name", "is required");
      }
      if (!(c.params().get("operator") instanceof JsonString op)
          || !TRIGGER_PARAM_OPERATORS.contains(op.getString())) {
        context.error(path + ".params.operator", "must be one of " + TRIGGER_PARAM_OPERATORS);
      } else if (!"exists".equals(op.getString()) && !c.params().containsKey("value")) {
        context.error(path + ".params.value", "is required");
      }
    } else if ("segment.member".equals(c.key())) {
      // saved segments are expanded by the engine when it evaluates; here the segment has to exist
      if (!(c.params().get("code") instanceof JsonString code)
          || !references.segmentExists(code.getString())) {
        context.error(path + ".params.code", "unknown segment");
      }
    } else {
      CRITERIA.predicate(c, path, context);
    }
  }

  private void minutes(String name, boolean required) {
    integer(name, required, 1);
  }

  private Long integer(String name, boolean required, long min) {
    JsonValue value = options.get(name);
    if (value == null || value == JsonValue.NULL) {
      if (required) {
        problem("option '" + name + "' is required");
      }
      return null;
    }
    if (!(value instanceof JsonNumber n) || !n.isIntegral() || n.longValue() < min) {
      problem("option '" + name + "' must be an integer of at least " + min);
      return null;
    }
    return n.longValue();
  }

  private String string(String name, boolean required) {
    JsonValue value = options.get(name);
    if (value == null
        || value == JsonValue.NULL
        || value instanceof JsonString s && s.getString().isBlank()) {
      if (required) {
        problem("option '" + name + "' is required");
      }
      return null;
    }
    if (!(value instanceof JsonString s)) {
      problem("option '" + name + "' must be a string");
      return null;
    }
    return s.getString();
  }

  private void problem(String message) {
    problems.accept(type + ": " + message);
  }
}
