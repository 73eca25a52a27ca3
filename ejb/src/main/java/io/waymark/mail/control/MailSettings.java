package io.waymark.mail.control;

import io.waymark.platform.time.Backoff;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * {@code waymark.mail.*}. The transport is {@code outbox} unless configured: messages are then only
 * stored, so no mail leaves a developer's machine. The password is only ever handed to the SMTP
 * connection: never logged.
 */
@Dependent
public class MailSettings {

  public static final String SMTP = "smtp";
  public static final String OUTBOX = "outbox";

  @Inject
  @ConfigProperty(name = "waymark.mail.transport", defaultValue = OUTBOX)
  String transport;

  @Inject
  @ConfigProperty(name = "waymark.mail.host", defaultValue = "localhost")
  String host;

  @Inject
  @ConfigProperty(name = "waymark.mail.port", defaultValue = "25")
  int port;

  @Inject
  @ConfigProperty(name = "waymark.mail.from", defaultValue = "Waymark <waymark@localhost>")
  String from;

  @Inject
  @ConfigProperty(name = "waymark.mail.username")
  Optional<String> username;

  @Inject
  @ConfigProperty(name = "waymark.mail.password")
  Optional<String> password;

  @Inject
  @ConfigProperty(name = "waymark.mail.starttls", defaultValue = "false")
  boolean starttls;

  @Inject
  @ConfigProperty(name = "waymark.mail.timeout", defaultValue = "PT10S")
  Duration timeout;

  @Inject
  @ConfigProperty(name = "waymark.mail.send-period", defaultValue = "PT2S")
  Duration sendPeriod;

  @Inject
  @ConfigProperty(name = "waymark.mail.batch", defaultValue = "50")
  int batch;

  @Inject
  @ConfigProperty(name = "waymark.mail.max-attempts", defaultValue = "8")
  int maxAttempts;

  @Inject
  @ConfigProperty(name = "waymark.mail.retry-delay", defaultValue = "PT30S")
  Duration retryDelay;

  @Inject
  @ConfigProperty(name = "waymark.mail.retry-max-delay", defaultValue = "PT1H")
  Duration retryMaxDelay;

  @Inject
  @ConfigProperty(name = "waymark.mail.keep", defaultValue = "P30D")
  Duration keep;

  /** True when messages go out over SMTP; false for {@code outbox} (stored only). */
  public boolean smtp() {
    String t = transport.strip().toLowerCase(java.util.Locale.ROOT);
    if (!t.equals(SMTP) && !t.equals(OUTBOX)) {
      throw new IllegalStateException(
          "waymark.mail.transport must be smtp or outbox, not '" + transport + "'");
    }
    return t.equals(SMTP);
  }

  public String host() {
    return host.strip();
  }

  public int port() {
    return port;
  }

  public String from() {
    return from.strip();
  }

  public Optional<String> username() {
    return username.map(String::strip).filter(u -> !u.isEmpty());
  }

  String password() {
    return password.orElse(null);
  }

  public boolean starttls() {
    return starttls;
  }

  public Duration timeout() {
    return timeout;
  }

  public Duration sendPeriod() {
    return sendPeriod;
  }

  public int batch() {
    return Math.max(1, batch);
  }

  public int maxAttempts() {
    return Math.max(1, maxAttempts);
  }

  /**
   * The wait after the {@code attempts}-th failed attempt: doubling from the retry delay, at most
   * the max delay.
   */
  public Duration retryAfter(int attempts) {
    return Backoff.after(attempts, retryDelay, retryMaxDelay);
  }

  /** How long sent, stored and failed messages are kept. */
  public Duration keep() {
    return keep;
  }

  /** How long a claimed message stays reserved for the server sending it. */
  public Duration lease() {
    return timeout.multipliedBy(batch() + 2L).plusSeconds(30);
  }
}
