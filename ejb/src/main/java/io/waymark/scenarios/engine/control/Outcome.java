package io.waymark.scenarios.engine.control;

import io.waymark.platform.actions.ActionResult;
import java.time.Instant;

/**
 * What running an element decided: finished with a result (selects the branch), waiting, or failed
 * for good.
 */
public sealed interface Outcome {

  record Finished(String result) implements Outcome {}

  record Waiting(Instant until) implements Outcome {}

  /** A failure retrying cannot fix (unknown goal, SMS not available, ...). */
  record Failed(String reason) implements Outcome {}

  Outcome POSITIVE = new Finished("positive");
  Outcome NEGATIVE = new Finished("negative");

  /** An action's result: done is positive, a failure fails the job. */
  static Outcome after(ActionResult result) {
    return result instanceof ActionResult.Failed f ? new Failed(f.reason()) : POSITIVE;
  }

  static Outcome of(boolean positive) {
    return positive ? POSITIVE : NEGATIVE;
  }
}
