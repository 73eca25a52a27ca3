package io.waymark.scenarios.boundary;

/**
 * A scenario was created or its definition updated. Fired inside the transaction that changed it.
 */
public record ScenarioSaved(long scenarioId) {}
