package io.waymark.scenarios.engine.control;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

/** Runs a job's element by its registered type (SPEC §6). */
@Dependent
public class Elements {

  @Inject ElementTypes types;

  public Outcome run(Visit visit) {
    return types
        .find(visit.element().type())
        .map(type -> type.run(visit))
        .orElseGet(
            () ->
                new Outcome.Failed(
                    "element type '" + visit.element().type() + "' is not available"));
  }

  /**
   * Whether a duplicate hand-off may run a waiting job of this type before it is due (re-checking a
   * goal is harmless).
   */
  public boolean recheckableEarly(String type) {
    return types.find(type).map(ElementType::recheckableEarly).orElse(false);
  }
}
