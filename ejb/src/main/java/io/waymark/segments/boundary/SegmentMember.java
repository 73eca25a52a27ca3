package io.waymark.segments.boundary;

/** A member of a segment as the console lists it: the user's id and email. */
public record SegmentMember(long id, String email) {}
