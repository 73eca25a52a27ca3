package io.waymark.scenarios.engine.control;

import io.waymark.segments.boundary.SegmentMembership;
import io.waymark.segments.boundary.Segments;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

/** {@code segment} {code}: positive when the user is a member now, negative otherwise. */
@Dependent
public class SegmentElement {

  @Inject SegmentMembership membership;

  @Inject Segments segments;

  public Outcome run(Visit visit) {
    String code = visit.element().options().getString("code", null);
    // source() never throws, so an unknown code fails the job instead of rolling the run back
    if (code == null || membership.source(code).isEmpty()) {
      return new Outcome.Failed("segment '" + code + "' does not exist");
    }
    return Outcome.of(segments.contains(code, visit.job().userId()));
  }
}
