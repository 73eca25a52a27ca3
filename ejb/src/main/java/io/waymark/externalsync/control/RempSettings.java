package io.waymark.externalsync.control;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The REMP Campaign connection: {@code waymark.remp.campaign.*}. Sync is on when a base URL is
 * configured. The token comes from configuration (typically the environment) and is only ever put
 * into the Authorization header: never logged, never stored.
 */
@Dependent
public class RempSettings {

  @Inject
  @ConfigProperty(name = "waymark.remp.campaign.url")
  Optional<String> url;

  @Inject
  @ConfigProperty(name = "waymark.remp.campaign.token")
  Optional<String> token;

  @Inject
  @ConfigProperty(name = "waymark.remp.campaign.timeout", defaultValue = "PT5S")
  Duration timeout;

  @Inject
  @ConfigProperty(name = "waymark.remp.campaign.max-attempts", defaultValue = "10")
  int maxAttempts;

  @Inject
  @ConfigProperty(name = "waymark.remp.campaign.retry-delay", defaultValue = "PT10S")
  Duration retryDelay;

  @Inject
  @ConfigProperty(name = "waymark.remp.campaign.retry-max-delay", defaultValue = "PT1H")
  Duration retryMaxDelay;

  @Inject
  @ConfigProperty(name = "waymark.remp.campaign.keep", defaultValue = "P7D")
  Duration keep;

  public boolean enabled() {
    return url.filter(u -> !u.isBlank()).isPresent();
  }

  /** The base URL without a trailing slash. */
  public String baseUrl() {
    return url.map(u -> u.strip().replaceAll("/+$", ""))
        .orElseThrow(() -> new IllegalStateException("REMP campaign sync is off"));
  }

  Optional<String> token() {
    return token.map(String::strip).filter(t -> !t.isEmpty());
  }

  /** Connect timeout and response timeout of one call. */
  public Duration timeout() {
    return timeout;
  }

  public int maxAttempts() {
    return Math.max(1, maxAttempts);
  }

  public Duration retryDelay() {
    return retryDelay;
  }

  public Duration retryMaxDelay() {
    return retryMaxDelay;
  }

  /** How long delivered, ignored and failed rows are kept. */
  public Duration keep() {
    return keep;
  }

  /**
   * How long a claimed row stays reserved for the server delivering it (a crashed server's rows
   * come back after it).
   */
  public Duration lease() {
    return timeout.multipliedBy(2).plusSeconds(30);
  }
}
