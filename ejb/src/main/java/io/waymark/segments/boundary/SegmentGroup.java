package io.waymark.segments.boundary;

import java.io.Serializable;

/**
 * A group segments are filed under ({@code default}, {@code onboarding}, …), in the groups' display
 * order.
 */
public record SegmentGroup(String code, String name) implements Serializable {}
