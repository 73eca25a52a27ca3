package io.waymark.scenarios.engine.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import io.waymark.platform.plugins.Source;
import io.waymark.scenarios.engine.control.TriggerStarts;
import io.waymark.segments.boundary.SegmentEntered;
import io.waymark.segments.boundary.SegmentLeft;
import io.waymark.users.boundary.UserRegistered;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Which writes start scenarios (SPEC §1): a user or segment member arriving by the API or the
 * console does; one arriving in bulk — an import, a sync — or from Waymark's own bookkeeping does
 * not, so an import of a million customers welcomes nobody.
 */
class ScenarioTriggersTest {

  private final List<String> fired = new ArrayList<>();

  private final ScenarioTriggers triggers = new ScenarioTriggers();

  {
    triggers.starts =
        new TriggerStarts() {
          @Override
          public void fire(
              String eventCode, String matchValue, long userId, Supplier<JsonObject> payload) {
            fired.add(eventCode + " " + matchValue + " " + userId + " " + payload.get());
          }
        };
  }

  @Test
  void writesFromTheApiAndTheConsoleStartScenarios() {
    triggers.registered(new UserRegistered(1, "a@example.com", Source.API));
    triggers.segmentEntered(new SegmentEntered("vip", 2, Source.CONSOLE));
    triggers.segmentLeft(new SegmentLeft("vip", 3, Source.API));
    assertThat(fired)
        .containsExactly(
            "user_registered null 1 {\"event\":\"user_registered\",\"user_id\":1,\"email\":\"a@example.com\"}",
            "segment_entered vip 2 {\"event\":\"segment_entered\",\"segment_code\":\"vip\",\"user_id\":2}",
            "segment_left vip 3 {\"event\":\"segment_left\",\"segment_code\":\"vip\",\"user_id\":3}");
  }

  @Test
  void bulkWritesAndBookkeepingStartNothing() {
    for (Source source : List.of(Source.IMPORT, Source.SYNC, Source.SYSTEM)) {
      triggers.registered(new UserRegistered(1, "a@example.com", source));
      triggers.segmentEntered(new SegmentEntered("vip", 2, source));
      triggers.segmentLeft(new SegmentLeft("vip", 3, source));
    }
    assertThat(fired).isEmpty();
  }
}
