package io.waymark.launcher;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The launcher's view of the {@code waymark.*} configuration: a system property wins over the
 * environment variable of the same name ({@code waymark.db.url} = {@code WAYMARK_DB_URL}), the same
 * mapping MicroProfile Config uses.
 */
final class Settings {

  private final Path launcherDir;

  Settings() {
    this.launcherDir = locateLauncherDir();
  }

  Optional<String> get(String key) {
    String value = System.getProperty(key);
    if (value == null || value.isBlank()) {
      value = System.getenv(envName(key));
    }
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
  }

  String get(String key, String fallback) {
    return get(key).orElse(fallback);
  }

  int getInt(String key, int fallback) {
    return get(key).map(Integer::parseInt).orElse(fallback);
  }

  static String envName(String key) {
    return key.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
  }

  Path dataDir() {
    return Path.of(get("waymark.data-dir", ".waymark")).toAbsolutePath().normalize();
  }

  int httpPort() {
    return getInt("waymark.http.port", 8080);
  }

  int embeddedDbPort() {
    return getInt("waymark.db.embedded-port", 55432);
  }

  boolean embeddedDatabase() {
    return get("waymark.db.url").isEmpty();
  }

  String dbUrl() {
    return get("waymark.db.url")
        .orElse("jdbc:postgresql://127.0.0.1:" + embeddedDbPort() + "/waymark");
  }

  String dbUser() {
    return get("waymark.db.user", "waymark");
  }

  /**
   * The configured password; for the embedded database the application login's generated one (the
   * server gets it through the environment, as an external database's).
   */
  Optional<String> dbPassword() {
    Optional<String> configured = get("waymark.db.password");
    if (configured.isPresent() || !embeddedDatabase()) {
      return configured;
    }
    return DbPasswords.read(dataDir(), DbPasswords.APPLICATION);
  }

  /** The raw-SQL segments' statement timeout, also the sandbox login's default. */
  Duration rawSqlTimeout() {
    return Duration.parse(get("waymark.segments.raw-sql-timeout", "PT30S"));
  }

  /**
   * Folder holding the server distribution, the PostgreSQL binaries and the JDBC driver copied by
   * the build.
   */
  Path distDir() {
    return get("waymark.launcher.dist-dir").map(Path::of).orElse(launcherDir.resolve("dist"));
  }

  Path ear() {
    return get("waymark.ear")
        .map(Path::of)
        .orElse(launcherDir.resolve("../../ear/target/waymark.ear"))
        .toAbsolutePath()
        .normalize();
  }

  /**
   * Every {@code waymark.*} setting given to the launcher as a system property, as environment
   * variables.
   */
  Map<String, String> forwardedEnvironment() {
    Map<String, String> env = new LinkedHashMap<>();
    System.getProperties()
        .forEach(
            (k, v) -> {
              String key = k.toString();
              if (key.startsWith("waymark.")) {
                env.put(envName(key), v.toString());
              }
            });
    env.put("WAYMARK_DATA_DIR", dataDir().toString());
    // a key given as -Dwaymark.secrets.key is forwarded above; else the data directory's own
    env.computeIfAbsent("WAYMARK_SECRETS_KEY", k -> SecretsKey.readOrCreate(dataDir()));
    dbPassword().ifPresent(p -> env.put("WAYMARK_DB_PASSWORD", p));
    if (smsWebhookOpenByDefault()) {
      env.put("WAYMARK_SMS_WEBHOOK_OPEN", "true");
    }
    if (embeddedDatabase()) {
      env.put("WAYMARK_SEGMENTS_SANDBOX_USER", DbPasswords.SANDBOX);
      DbPasswords.read(dataDir(), DbPasswords.SANDBOX)
          .ifPresent(p -> env.put("WAYMARK_SEGMENTS_SANDBOX_PASSWORD", p));
    }
    return env;
  }

  /**
   * The quick start opens the SMS gateway's webhook (SPEC §7: it refuses everything while neither a
   * token nor an IP allow-list is set) unless the webhook is configured in any way, an explicit
   * {@code waymark.sms.webhook.open=false} included.
   */
  boolean smsWebhookOpenByDefault() {
    return get("waymark.sms.webhook.open").isEmpty()
        && get("waymark.sms.webhook.token").isEmpty()
        && get("waymark.sms.webhook.allowed-ips").isEmpty();
  }

  private static Path locateLauncherDir() {
    try {
      Path jar =
          Path.of(Launcher.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      return Files.isDirectory(jar) ? jar.getParent() : jar.getParent();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
