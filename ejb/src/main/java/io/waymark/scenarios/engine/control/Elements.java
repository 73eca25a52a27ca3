package io.waymark.scenarios.engine.control;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Runs a job's element by its registered type (SPEC §6). */
@Dependent
public class Elements {

  @Inject ElementTypes types;

  /**
   * Runs a batch's visits (in user order) by their elements' types, each type's visits together
   * ({@link ElementType#runAll}); the outcomes by job id.
   */
  public Map<Long, Outcome> runAll(List<Visit> visits) {
    Map<String, List<Visit>> byType = new LinkedHashMap<>();
    visits.forEach(v -> byType.computeIfAbsent(v.element().type(), t -> new ArrayList<>()).add(v));
    Map<Long, Outcome> outcomes = new HashMap<>();
    byType.forEach(
        (key, of) -> {
          Optional<ElementType> type = types.find(key);
          List<Outcome> decided =
              type.isPresent()
                  ? type.get().runAll(of)
                  : Collections.nCopies(
                      of.size(), new Outcome.Failed("element type '" + key + "' is not available"));
          for (int i = 0; i < of.size(); i++) {
            outcomes.put(of.get(i).job().id(), decided.get(i));
          }
        });
    return outcomes;
  }

  /**
   * Whether a duplicate hand-off may run a waiting job of this type before it is due (re-checking a
   * goal is harmless).
   */
  public boolean recheckableEarly(String type) {
    return types.find(type).map(ElementType::recheckableEarly).orElse(false);
  }
}
