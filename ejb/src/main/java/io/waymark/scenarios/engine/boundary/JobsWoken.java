package io.waymark.scenarios.engine.boundary;

import java.util.List;

/**
 * A goal completion wrote wake-up rows for these jobs; after commit they are handed to the queue.
 */
public record JobsWoken(List<Long> jobIds) {}
