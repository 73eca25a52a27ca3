package io.waymark.points.boundary;

import java.time.Instant;

/** A group points are counted in ({@code {"code","name"}}). */
public record PointGroup(String code, String name, Instant createdAt) {}
