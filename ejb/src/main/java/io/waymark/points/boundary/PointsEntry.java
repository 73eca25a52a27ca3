package io.waymark.points.boundary;

import java.time.Instant;

/** One entry of a user's ledger: points (negative takes away), the group (or null), why, when. */
public record PointsEntry(long id, int points, String group, String reason, Instant at) {}
