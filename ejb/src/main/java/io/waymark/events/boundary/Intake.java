package io.waymark.events.boundary;

import io.waymark.platform.error.WaymarkException;
import java.util.List;

/**
 * What became of a batch: counts, and the events rejected with why (by their index in the request).
 */
public record Intake(int accepted, int duplicates, List<Rejection> rejected) {

  public record Rejection(int index, WaymarkException reason) {}
}
