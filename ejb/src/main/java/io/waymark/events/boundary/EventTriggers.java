package io.waymark.events.boundary;

import io.waymark.platform.plugins.Trigger;
import io.waymark.platform.plugins.TriggerSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** The tracked event of the trigger vocabulary (SPEC §1; no webhook: events are the input). */
@ApplicationScoped
public class EventTriggers implements TriggerSource {

  @Override
  public List<Trigger> triggers() {
    return List.of(
        new Trigger(
            "event.received",
            "Event received",
            "event_received",
            "event_name",
            "the tracked event's name",
            List.of("user_id", "event_name", "properties.*"),
            false));
  }
}
