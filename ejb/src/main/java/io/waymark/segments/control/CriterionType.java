package io.waymark.segments.control;

import jakarta.json.JsonObject;
import java.util.List;

/**
 * One kind of criterion in the registry: its key, its parameters (for the API and the builder) and
 * how it becomes a SQL predicate over the user row {@code u}. Implementations validate every
 * parameter and bind every value.
 */
public interface CriterionType {

  record Param(
      String name, String type, boolean required, List<String> values, String description) {}

  String key();

  String label();

  List<Param> params();

  /**
   * A predicate over {@code u} (the users table), or null after reporting problems to {@code
   * errors} with paths under {@code path} (e.g. {@code nodes[0].params.value}).
   */
  SqlFragment compile(JsonObject params, String path, CompileContext context);
}
