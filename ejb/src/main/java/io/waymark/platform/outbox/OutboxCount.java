package io.waymark.platform.outbox;

import java.time.Instant;

/** How many items of a channel are in a state, and when the oldest of them was written. */
public record OutboxCount(String channel, String state, long items, Instant oldestCreatedAt) {}
