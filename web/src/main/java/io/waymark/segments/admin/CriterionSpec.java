package io.waymark.segments.admin;

import io.waymark.platform.plugins.Plugin;
import java.io.Serializable;
import java.util.List;

/**
 * A criterion of the registry as the builder offers it: its key, label and parameters. A
 * serializable copy of {@link Plugin} (the registry's own objects compile SQL and stay in the EJB
 * tier), kept by the view.
 */
public record CriterionSpec(String key, String label, List<Param> params) implements Serializable {

  /**
   * A parameter: {@code type} is the registry's ({@code enum}, {@code string}, {@code integer}, …).
   */
  public record Param(
      String name, String type, boolean required, List<String> values, String description)
      implements Serializable {}

  public static CriterionSpec of(Plugin type) {
    return new CriterionSpec(
        type.key(),
        type.label(),
        type.params().stream()
            .map(
                p ->
                    new Param(
                        p.name(),
                        p.type(),
                        p.required(),
                        List.copyOf(p.choices()),
                        p.description()))
            .toList());
  }

  public CriterionSpec {
    params = List.copyOf(params);
  }
}
