package io.waymark.mail.boundary;

import java.util.Optional;

/**
 * A message written to the outbox: queued to be sent, or — when its template failed for this user
 * (a limit, a render error) — recorded {@code failed} at once with the reason, never sent nor
 * retried.
 */
public record Enqueued(long id, Optional<String> failure) {

  public boolean failed() {
    return failure.isPresent();
  }
}
