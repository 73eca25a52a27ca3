package io.waymark.scenarios.engine.control;

import io.waymark.platform.plugins.Param;
import jakarta.enterprise.context.Dependent;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** {@code wait} {minutes}: positive once the minutes since the entry have passed. */
@Dependent
public class WaitElement implements ElementType {

  @Override
  public String key() {
    return "wait";
  }

  @Override
  public int order() {
    return 20;
  }

  @Override
  public String label() {
    return "Wait";
  }

  @Override
  public List<Param> params() {
    return List.of(Param.required("minutes", "minutes", "how long the user waits"));
  }

  @Override
  public void check(ElementCheck check) {
    check.minutes("minutes", true);
  }

  @Override
  public Outcome run(Visit visit) {
    Integer minutes = GoalElement.minutes(visit.element().options(), "minutes");
    Instant until = visit.enteredAt().plus(Duration.ofMinutes(minutes == null ? 0 : minutes));
    return visit.now().isBefore(until) ? new Outcome.Waiting(until) : Outcome.POSITIVE;
  }
}
