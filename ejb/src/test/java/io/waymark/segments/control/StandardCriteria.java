package io.waymark.segments.control;

import io.waymark.platform.criteria.CriteriaCompiler;
import io.waymark.platform.criteria.TriggerParamCriterion;
import java.util.List;

/** The criteria the application registers, without CDI (unit tests). */
public final class StandardCriteria {

  private StandardCriteria() {}

  public static CriteriaCompiler compiler() {
    return new CriteriaCompiler(
        List.of(
            new UserFieldCriterion(),
            new GoalStateCriterion(),
            new EventCountCriterion(),
            new SegmentMemberCriterion(),
            new TriggerParamCriterion()));
  }
}
