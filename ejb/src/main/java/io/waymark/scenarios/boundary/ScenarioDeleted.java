package io.waymark.scenarios.boundary;

/**
 * A scenario was soft-deleted: its pending jobs are dropped. Fired inside the transaction that
 * changed it.
 */
public record ScenarioDeleted(long scenarioId, java.time.Instant deletedAt) {}
