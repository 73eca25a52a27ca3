package io.waymark.platform.sweep;

import java.time.Duration;
import java.time.Instant;

/**
 * What a sweep did on this server: its runs so far, the last one's start, duration, batches and
 * items, and the last failure (message and time; cleared by the next run that succeeds).
 */
public record SweepStatus(
    String name,
    Duration period,
    long runs,
    long items,
    Instant lastStartedAt,
    Duration lastDuration,
    int lastBatches,
    long lastItems,
    String lastError,
    Instant lastErrorAt,
    boolean running) {}
