package io.waymark.scenarios.engine.control;

import io.waymark.platform.plugins.Param;
import io.waymark.segments.boundary.SegmentMembership;
import io.waymark.segments.boundary.Segments;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.util.List;

/** {@code segment} {code}: positive when the user is a member now, negative otherwise. */
@Dependent
public class SegmentElement implements ElementType {

  @Inject SegmentMembership membership;

  @Inject Segments segments;

  @Override
  public String key() {
    return "segment";
  }

  @Override
  public int order() {
    return 30;
  }

  @Override
  public String label() {
    return "Segment";
  }

  @Override
  public List<Param> params() {
    return List.of(Param.required("code", "segment_code", "positive when the user is a member"));
  }

  @Override
  public boolean negativeBranch() {
    return true;
  }

  @Override
  public void check(ElementCheck check) {
    String code = check.string("code", true);
    if (code != null && !check.references().segmentExists(code)) {
      check.problem("unknown segment code '" + code + "'");
    }
  }

  @Override
  public Outcome run(Visit visit) {
    String code = visit.element().options().getString("code", null);
    // source() never throws, so an unknown code fails the job instead of rolling the run back
    if (code == null || membership.source(code).isEmpty()) {
      return new Outcome.Failed("segment '" + code + "' does not exist");
    }
    return Outcome.of(segments.contains(code, visit.job().userId()));
  }
}
