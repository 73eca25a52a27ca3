package io.waymark.platform.criteria;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;

/** Reads a criteria tree from JSON, reporting every malformed node by its path. */
public final class CriteriaParser {

  static final int MAX_DEPTH = 16;
  static final int MAX_NODES = 200;

  private CriteriaParser() {}

  /** The tree, or null when {@code context} received errors. */
  public static Criteria parse(JsonValue json, String path, CompileContext context) {
    int[] count = {0};
    return node(json, path, 0, count, context);
  }

  private static Criteria node(
      JsonValue json, String path, int depth, int[] count, CompileContext context) {
    if (++count[0] > MAX_NODES) {
      context.error(path, "the tree has more than " + MAX_NODES + " nodes");
      return null;
    }
    if (depth > MAX_DEPTH) {
      context.error(path, "the tree is nested deeper than " + MAX_DEPTH + " levels");
      return null;
    }
    if (json == null || json.getValueType() != JsonValue.ValueType.OBJECT) {
      context.error(path, "must be an object");
      return null;
    }
    JsonObject object = json.asJsonObject();
    String type = object.get("type") instanceof JsonString s ? s.getString() : null;
    if (type == null) {
      context.error(at(path, "type"), "is required: and, or, not or criterion");
      return null;
    }
    if (type.equals("criterion")) {
      return criterion(object, path, context);
    }
    Criteria.Op op = Criteria.Op.of(type).orElse(null);
    if (op == null) {
      context.error(at(path, "type"), "must be and, or, not or criterion");
      return null;
    }
    JsonValue nodes = object.get("nodes");
    if (nodes == null
        || nodes.getValueType() != JsonValue.ValueType.ARRAY
        || nodes.asJsonArray().isEmpty()) {
      context.error(at(path, "nodes"), "must be a non-empty array");
      return null;
    }
    if (op == Criteria.Op.NOT && nodes.asJsonArray().size() != 1) {
      context.error(at(path, "nodes"), "'not' takes exactly one node");
      return null;
    }
    List<Criteria> children = new ArrayList<>();
    var array = nodes.asJsonArray();
    for (int i = 0; i < array.size(); i++) {
      children.add(node(array.get(i), at(path, "nodes[" + i + "]"), depth + 1, count, context));
    }
    return children.contains(null) ? null : new Criteria.Group(op, children);
  }

  private static Criteria criterion(JsonObject object, String path, CompileContext context) {
    String key = object.get("key") instanceof JsonString k ? k.getString() : null;
    if (key == null || key.isBlank()) {
      context.error(at(path, "key"), "is required");
      return null;
    }
    JsonValue params = object.get("params");
    if (params != null
        && params.getValueType() != JsonValue.ValueType.OBJECT
        && params.getValueType() != JsonValue.ValueType.NULL) {
      context.error(at(path, "params"), "must be an object");
      return null;
    }
    return new Criteria.Criterion(
        key,
        params == null || params.getValueType() == JsonValue.ValueType.NULL
            ? JsonValue.EMPTY_JSON_OBJECT
            : params.asJsonObject());
  }

  public static String at(String path, String child) {
    return path == null || path.isEmpty() ? child : path + "." + child;
  }
}
