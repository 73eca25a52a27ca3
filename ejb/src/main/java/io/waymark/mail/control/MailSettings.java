package io.waymark.mail.control;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * {@code waymark.mail.*}. The transport is {@code store} unless configured ({@code outbox} is its
 * old name): messages are then only stored, so no mail leaves a developer's machine. The password
 * is only ever handed to the SMTP connection: never logged.
 */
@Dependent
public class MailSettings {

  public static final String SMTP = "smtp";
  public static final String STORE = "store";

  /** The old name of {@link #STORE}, still accepted. */
  public static final String OUTBOX = "outbox";

  @Inject
  @ConfigProperty(name = "waymark.mail.transport", defaultValue = STORE)
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

  /** True when messages go out over SMTP; false for {@code store} (stored only). */
  public boolean smtp() {
    String t = transport.strip().toLowerCase(java.util.Locale.ROOT);
    if (!t.equals(SMTP) && !t.equals(STORE) && !t.equals(OUTBOX)) {
      throw new IllegalStateException(
          "waymark.mail.transport must be smtp or store, not '" + transport + "'");
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

  public int maxAttempts() {
    return Math.max(1, maxAttempts);
  }

  public Duration retryDelay() {
    return retryDelay;
  }

  public Duration retryMaxDelay() {
    return retryMaxDelay;
  }

  /** How long sent, stored and failed messages are kept. */
  public Duration keep() {
    return keep;
  }

  /**
   * How long a claimed message stays reserved for the server sending it, when {@code batch} are
   * sent one after the other over one connection.
   */
  public Duration lease(int batch) {
    return timeout.multipliedBy(batch + 2L).plusSeconds(30);
  }
}
