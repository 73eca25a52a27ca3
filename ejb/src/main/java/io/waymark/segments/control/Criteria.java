package io.waymark.segments.control;

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
    NOT
  }

  record Group(Op op, List<Criteria> nodes) implements Criteria {}

  record Criterion(String key, JsonObject params) implements Criteria {}
}
