package io.waymark.platform.plugins;

import java.util.ArrayList;
import java.util.List;

/**
 * One domain event of SPEC §1's table, by its canonical dotted key ({@code goal.completed}): {@code
 * scenarioCode} is REMP's snake_case name scenarios use ({@code goal_completed}, an alias; null
 * when scenarios cannot start on it), {@code matchParam} the payload parameter a scenario trigger's
 * option matches on (null: every such event), {@code params} what its payload carries, {@code
 * webhook} whether webhooks may subscribe to it.
 */
public record Trigger(
    String key,
    String label,
    String scenarioCode,
    String matchParam,
    String matchDescription,
    List<String> payload,
    boolean webhook)
    implements Plugin {

  public Trigger {
    payload = List.copyOf(payload);
  }

  @Override
  public List<Param> params() {
    return matchParam == null
        ? List.of()
        : List.of(Param.required(matchParam, "string", matchDescription));
  }

  @Override
  public List<String> aliases() {
    List<String> aliases = new ArrayList<>();
    if (scenarioCode != null) {
      aliases.add(scenarioCode);
    }
    return aliases;
  }
}
