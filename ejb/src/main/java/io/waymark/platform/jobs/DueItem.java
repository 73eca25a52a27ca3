package io.waymark.platform.jobs;

/** A claimed row of due work: its id and how many failed attempts it has behind it. */
public record DueItem(long id, int attempts) {}
