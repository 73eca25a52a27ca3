package io.waymark.goals.boundary;

import io.waymark.platform.sweep.Sweep;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Times out goals whose expiry passed, every {@code waymark.goals.sweep-period}: each batch claims
 * up to {@code waymark.goals.sweep-batch} due rows with {@code FOR UPDATE SKIP LOCKED}, so several
 * servers on one database share the work. Never a timer per user.
 */
@ApplicationScoped
public class GoalTimeouts implements Sweep {

  @Inject UserGoals userGoals;

  @Inject
  @ConfigProperty(name = "waymark.goals.sweep-period", defaultValue = "PT5S")
  Duration period;

  @Inject
  @ConfigProperty(name = "waymark.goals.sweep-batch", defaultValue = "5000")
  int batch;

  @Override
  public String name() {
    return "goals.timeouts";
  }

  @Override
  public Duration period() {
    return period;
  }

  @Override
  public int batchSize() {
    return batch;
  }

  /** {@link UserGoals#timeOutDueGoals} runs each batch in a transaction of its own. */
  @Override
  public boolean own() {
    return true;
  }

  @Override
  public int runBatch() {
    return userGoals.timeOutDueGoals(batch);
  }
}
