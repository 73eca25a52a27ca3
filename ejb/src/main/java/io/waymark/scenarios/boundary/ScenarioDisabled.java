package io.waymark.scenarios.boundary;

/**
 * A scenario was disabled (also by deleting it): its jobs pause. Fired inside the transaction that
 * changed it.
 */
public record ScenarioDisabled(long scenarioId) {}
