package io.waymark.scenarios.engine.control;

import io.waymark.platform.db.Jdbc;
import io.waymark.platform.plugins.Param;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * {@code ab_test} {variants: [{code, name, distribution}]}: the user's variant, chosen once by the
 * distribution and kept (unique per element and user), selects the descendants with that position.
 */
@Dependent
public class AbTestElement implements ElementType {

  @Inject Jdbc jdbc;

  @Override
  public String key() {
    return "ab_test";
  }

  @Override
  public int order() {
    return 80;
  }

  @Override
  public String label() {
    return "A/B test";
  }

  @Override
  public List<Param> params() {
    return List.of(
        Param.required(
            "variants",
            "variants",
            "code, name and distribution (adding up to 100) of each variant"));
  }

  @Override
  public boolean variants() {
    return true;
  }

  @Override
  public void check(ElementCheck check) {
    JsonValue variants = check.options().get("variants");
    if (variants == null || variants == JsonValue.NULL) {
      check.problem("option 'variants' is required");
      return;
    }
    if (variants.getValueType() != JsonValue.ValueType.ARRAY || variants.asJsonArray().isEmpty()) {
      check.problem("option 'variants' must be a non-empty array");
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
        check.problem("variant " + i + " needs a code, a name and a distribution from 0 to 100");
        return;
      }
      sum += v.getJsonNumber("distribution").longValue();
    }
    if (sum != 100) {
      check.problem("the variants' distributions add up to " + sum + ", not 100");
    }
  }

  @Override
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
