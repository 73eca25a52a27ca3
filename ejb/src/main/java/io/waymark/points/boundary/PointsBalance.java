package io.waymark.points.boundary;

import java.util.List;
import java.util.Map;

/**
 * A user's points: the total of every entry, the sum per group (groups with entries), and the
 * newest entries first.
 */
public record PointsBalance(long total, Map<String, Long> groups, List<PointsEntry> history) {}
