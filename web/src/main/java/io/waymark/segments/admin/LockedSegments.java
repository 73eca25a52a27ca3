package io.waymark.segments.admin;

import io.waymark.segments.boundary.SegmentView;

/** Why a segment is locked, as the pages say it. Today only goal segments are locked (SPEC §4). */
final class LockedSegments {

  private static final String GOAL_PREFIX = "onboarding_";

  private LockedSegments() {}

  /** The goal a locked goal segment belongs to, or null. */
  static String goalCode(SegmentView segment) {
    if (segment == null
        || !segment.locked()
        || !"onboarding".equals(segment.groupCode())
        || !segment.code().startsWith(GOAL_PREFIX)) {
      return null;
    }
    return segment.code().substring(GOAL_PREFIX.length());
  }

  static String reason(SegmentView segment) {
    if (segment == null || !segment.locked()) {
      return null;
    }
    String goal = goalCode(segment);
    return goal == null
        ? "Locked: Waymark maintains this segment; nobody can edit it."
        : "Locked: the segment of onboarding goal '"
            + goal
            + "' (active users with an active row of the goal). It is created"
            + " and renamed with the goal; nobody can edit it.";
  }
}
