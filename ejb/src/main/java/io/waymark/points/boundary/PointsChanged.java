package io.waymark.points.boundary;

import io.waymark.platform.plugins.Source;

/**
 * Points were added to (or taken from) a user (the trigger {@code points.changed}): the entry's
 * points and group, and the user's total after it. Fired inside the writing transaction.
 */
public record PointsChanged(
    long userId, int points, String group, long total, String reason, Source source) {}
