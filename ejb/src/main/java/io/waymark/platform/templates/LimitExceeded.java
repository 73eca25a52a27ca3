package io.waymark.platform.templates;

import io.pebbletemplates.pebble.error.PebbleException;

/**
 * Thrown inside Pebble when a render (or a compile, for a literal range) hits one of the limits; a
 * {@link PebbleException} so that Pebble passes it on (or wraps it) like its own errors.
 */
final class LimitExceeded extends PebbleException {

  private static final long serialVersionUID = 1L;

  LimitExceeded(String message, Integer line) {
    super(null, message, line, null);
  }
}
