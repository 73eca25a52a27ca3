package io.waymark.goals.boundary;

import java.util.Map;

/**
 * A goal to create, or a partial update (null fields stay). {@code eventProperties} values are
 * strings, numbers or booleans compared for equality with the tracked event's properties.
 */
public record GoalChange(
    String code, String name, String type, String eventName, Map<String, Object> eventProperties) {}
