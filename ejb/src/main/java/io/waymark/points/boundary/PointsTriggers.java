package io.waymark.points.boundary;

import io.waymark.platform.plugins.Trigger;
import io.waymark.platform.plugins.TriggerSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** The points event of the trigger vocabulary (SPEC §1). */
@ApplicationScoped
public class PointsTriggers implements TriggerSource {

  @Override
  public List<Trigger> triggers() {
    return List.of(
        new Trigger(
            "points.changed",
            "Points changed",
            null,
            "group",
            "the point group (absent: any)",
            List.of("user_id", "points", "group", "total", "reason"),
            true));
  }
}
