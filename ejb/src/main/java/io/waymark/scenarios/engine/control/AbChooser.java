package io.waymark.scenarios.engine.control;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.function.DoubleSupplier;

/**
 * Picks an A/B variant by the variants' distribution weights (any non-negative numbers; all zero =
 * uniform).
 */
public final class AbChooser {

  private AbChooser() {}

  /** The weights of the {@code variants} option, in order. */
  public static List<Double> weights(JsonObject options) {
    JsonArray variants = options.getJsonArray("variants");
    if (variants == null) {
      return List.of();
    }
    return variants.stream()
        .map(
            v ->
                v.getValueType() == JsonValue.ValueType.OBJECT
                        && v.asJsonObject().get("distribution") instanceof JsonNumber n
                    ? Math.max(0, n.doubleValue())
                    : 0.0)
        .toList();
  }

  /** The chosen index; {@code random} gives numbers in [0, 1). */
  public static int choose(List<Double> weights, DoubleSupplier random) {
    if (weights.isEmpty()) {
      throw new IllegalArgumentException("no variants");
    }
    double total = weights.stream().mapToDouble(Double::doubleValue).sum();
    if (total <= 0) {
      return Math.min(weights.size() - 1, (int) (random.getAsDouble() * weights.size()));
    }
    double point = random.getAsDouble() * total;
    for (int i = 0; i < weights.size(); i++) {
      point -= weights.get(i);
      if (point < 0) {
        return i;
      }
    }
    // rounding: the last variant with a weight
    for (int i = weights.size() - 1; i >= 0; i--) {
      if (weights.get(i) > 0) {
        return i;
      }
    }
    return weights.size() - 1;
  }
}
