package io.waymark.platform.criteria;

import io.waymark.platform.plugins.Plugin;
import jakarta.json.JsonObject;
import java.util.EnumSet;
import java.util.Set;

/**
 * One kind of criterion (a CDI bean, found by {@link CriteriaCompiler}): its key, label and
 * parameters (for the API and the builders) and how its parameters compile — once per definition —
 * into a {@link Compiled} that binds the user and the payload at run time. Implementations validate
 * every parameter and bind every value: nothing a user typed becomes SQL text.
 */
public interface CriterionPlugin extends Plugin {

  /** Where a criterion may appear: a segment's definition or a scenario condition. */
  enum Use {
    SEGMENT,
    CONDITION
  }

  default Set<Use> uses() {
    return EnumSet.allOf(Use.class);
  }

  /**
   * The compiled criterion, or null after reporting problems to {@code context} with paths under
   * {@code path} (e.g. {@code nodes[0].params.value}).
   */
  Compiled compile(JsonObject params, String path, CompileContext context);

  /**
   * What can flip this criterion for a user (valid params, as saved), or empty when only a recount
   * can tell (the default).
   */
  default java.util.Optional<Watch> watch(JsonObject params) {
    return java.util.Optional.empty();
  }
}
