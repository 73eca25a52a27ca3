package io.waymark.events.boundary;

import jakarta.json.JsonObject;
import java.time.Instant;

/** A tracked event was stored (not a duplicate). Fired inside the transaction. */
public record TrackedEventReceived(
    long id, long userId, String name, Instant occurredAt, JsonObject properties) {}
