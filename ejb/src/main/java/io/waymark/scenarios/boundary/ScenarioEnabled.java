package io.waymark.scenarios.boundary;

/** A scenario was enabled: its jobs may run again. Fired inside the transaction that changed it. */
public record ScenarioEnabled(long scenarioId) {}
