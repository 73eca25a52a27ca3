package io.waymark.scenarios.engine.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The engine's configuration keys (README: waymark.scenarios.*). */
@ApplicationScoped
public class EngineSettings {

  @Inject
  @ConfigProperty(name = "waymark.scenarios.dispatch-period", defaultValue = "PT1S")
  Duration dispatchPeriod;

  @Inject
  @ConfigProperty(name = "waymark.scenarios.dispatchers", defaultValue = "2")
  int dispatchers;

  @Inject
  @ConfigProperty(name = "waymark.scenarios.dispatch-batch", defaultValue = "500")
  int batch;

  @Inject
  @ConfigProperty(name = "waymark.scenarios.max-in-flight", defaultValue = "2500")
  int maxInFlight;

  @Inject
  @ConfigProperty(name = "waymark.scenarios.run-batch", defaultValue = "25")
  int runBatch;

  @Inject
  @ConfigProperty(name = "waymark.scenarios.hand-off-linger", defaultValue = "PT0.005S")
  Duration handOffLinger;

  @Inject
  @ConfigProperty(name = "waymark.scenarios.lease", defaultValue = "PT2M")
  Duration lease;

  @Inject
  @ConfigProperty(name = "waymark.scenarios.retry-delay", defaultValue = "PT30S")
  Duration retryDelay;

  @Inject
  @ConfigProperty(name = "waymark.scenarios.retry-max-delay", defaultValue = "PT1H")
  Duration retryMaxDelay;

  @Inject
  @ConfigProperty(name = "waymark.scenarios.max-attempts", defaultValue = "4")
  int maxAttempts;

  @Inject
  @ConfigProperty(name = "waymark.scenarios.webhook.retry-max-delay", defaultValue = "PT1H")
  Duration webhookRetryMaxDelay;

  @Inject
  @ConfigProperty(name = "waymark.scenarios.webhook.timeout", defaultValue = "PT5S")
  Duration webhookTimeout;

  @Inject
  @ConfigProperty(name = "waymark.scenarios.webhook.max-attempts", defaultValue = "5")
  int webhookMaxAttempts;

  @Inject
  @ConfigProperty(name = "waymark.scenarios.webhook.retry-delay", defaultValue = "PT10S")
  Duration webhookRetryDelay;

  @Inject
  @ConfigProperty(name = "waymark.scenarios.webhook.keep", defaultValue = "P7D")
  Duration webhookKeep;

  public Duration retryMaxDelay() {
    return retryMaxDelay;
  }

  /** Runs of a job (the first included) before a job whose run keeps throwing is {@code failed}. */
  public int maxAttempts() {
    return maxAttempts;
  }

  public Duration webhookRetryMaxDelay() {
    return webhookRetryMaxDelay;
  }

  public Duration dispatchPeriod() {
    return dispatchPeriod;
  }

  public int dispatchers() {
    return Math.max(1, dispatchers);
  }

  public int batch() {
    return batch;
  }

  /** Jobs handed off in one message and run in one transaction (at least 1). */
  public int runBatch() {
    return Math.max(1, runBatch);
  }

  /**
   * How long a busy server lets handed-off jobs gather before sending them (ADR 0024): the latency
   * a wake-up may gain under load, for runs of {@link #runBatch} jobs instead of one each.
   */
  public Duration handOffLinger() {
    return handOffLinger;
  }

  /**
   * Claimed jobs not yet run (all servers): dispatchers claim no more than this, so the queue stays
   * short.
   */
  public int maxInFlight() {
    return maxInFlight;
  }

  public Duration lease() {
    return lease;
  }

  public Duration retryDelay() {
    return retryDelay;
  }

  public Duration webhookTimeout() {
    return webhookTimeout;
  }

  public int webhookMaxAttempts() {
    return webhookMaxAttempts;
  }

  public Duration webhookRetryDelay() {
    return webhookRetryDelay;
  }

  /** How long delivered and dead webhook calls are kept. */
  public Duration webhookKeep() {
    return webhookKeep;
  }
}
