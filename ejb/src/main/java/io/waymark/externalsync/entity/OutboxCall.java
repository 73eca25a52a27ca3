package io.waymark.externalsync.entity;

/**
 * One claimed outbox row: the call to make and how many attempts it has had (this one included).
 */
public record OutboxCall(
    long id, long userId, String segmentCode, SegmentAction action, int attempts) {}
