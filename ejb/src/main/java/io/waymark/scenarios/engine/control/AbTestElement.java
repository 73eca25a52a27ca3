package io.waymark.scenarios.engine.control;

import io.waymark.platform.db.Jdbc;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * {@code ab_test} {variants: [{code, name, distribution}]}: the user's variant, chosen once by the
 * distribution and kept (unique per element and user), selects the descendants with that position.
 */
@Dependent
public class AbTestElement {

  @Inject Jdbc jdbc;

  public Outcome run(Visit visit) {
    List<Double> weights = AbChooser.weights(visit.element().options());
    if (weights.isEmpty()) {
      return new Outcome.Failed("the A/B test has no variants");
    }
    long elementId = visit.element().id();
    long userId = visit.job().userId();
    int chosen = AbChooser.choose(weights, () -> ThreadLocalRandom.current().nextDouble());
    jdbc.update(
        "insert into scenario_ab_assignments (element_id, user_id, variant, created_at) values (?, ?, ?, ?)"
            + " on conflict (element_id, user_id) do nothing",
        elementId,
        userId,
        chosen,
        visit.now());
    int variant =
        jdbc.first(
                "select variant from scenario_ab_assignments where element_id = ? and user_id = ?",
                rs -> rs.getInt(1),
                elementId,
                userId)
            .orElseThrow();
    // a variant removed since the user got it: keep the user on the last one that exists
    return new Outcome.Finished(String.valueOf(Math.min(variant, weights.size() - 1)));
  }
}
