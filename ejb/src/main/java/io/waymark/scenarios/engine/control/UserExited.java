package io.waymark.scenarios.engine.control;

import java.time.Instant;

/**
 * A user left a scenario by one of its exit criteria (fired inside the causing transaction); after
 * commit the user's pending jobs of it are dropped as {@code exited}.
 */
public record UserExited(long scenarioId, long userId, Instant at) {}
