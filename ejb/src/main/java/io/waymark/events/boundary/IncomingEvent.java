package io.waymark.events.boundary;

import jakarta.json.JsonObject;
import java.time.Instant;

/** One tracked event as received; {@code clientId} and {@code time} may be null. */
public record IncomingEvent(
    String clientId, long userId, String name, Instant time, JsonObject properties) {}
