package io.waymark.platform.criteria;

import jakarta.json.JsonObject;
import java.util.List;

/**
 * A criteria tree: AND / OR / NOT groups of criteria from the registry. JSON: {@code
 * {"type":"and"|"or"|"not","nodes":[...]}} or {@code
 * {"type":"criterion","key":"...","params":{...}}}.
 */
public sealed interface Criteria {

  enum Op {
    AND,
    OR,
    NOT;

    /** By its JSON name: and, or, not. */
    public static java.util.Optional<Op> of(String name) {
      return java.util.Arrays.stream(values())
          .filter(o -> o.name().equalsIgnoreCase(name))
          .findFirst();
    }
  }

  record Group(Op op, List<Criteria> nodes) implements Criteria {}

  record Criterion(String key, JsonObject params) implements Criteria {}
}
