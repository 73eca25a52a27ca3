package io.waymark.scenarios.boundary;

/**
 * A deleted scenario was restored (still disabled): jobs created before restoredAt stay ignored.
 * Fired inside the transaction that changed it.
 */
public record ScenarioRestored(long scenarioId, java.time.Instant restoredAt) {}
