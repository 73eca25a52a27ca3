package io.waymark.segments.boundary;

import io.waymark.platform.plugins.Trigger;
import io.waymark.platform.plugins.TriggerSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * The segment events of the trigger vocabulary (SPEC §1). Today goal segments and static segments
 * fire them, as their members change; criteria and SQL segments come with the scenarios issue
 * (#18).
 */
@ApplicationScoped
public class SegmentTriggers implements TriggerSource {

  @Override
  public List<Trigger> triggers() {
    return List.of(
        new Trigger(
            "segment.entered",
            "Segment entered",
            "segment_entered",
            "segment_code",
            "the segment's code",
            List.of("user_id", "segment_code"),
            true),
        new Trigger(
            "segment.left",
            "Segment left",
            "segment_left",
            "segment_code",
            "the segment's code",
            List.of("user_id", "segment_code"),
            true));
  }
}
