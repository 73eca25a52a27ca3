package io.waymark.launcher;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * The quick start's {@code waymark.secrets.key}: 32 random bytes (base64) generated on first use
 * into {@code <data-dir>/secrets.key}, owner-only (0600), and handed to the server as {@code
 * WAYMARK_SECRETS_KEY}. Losing the file loses every stored secret (webhook headers); servers of one
 * cluster share one key (README, "Secrets").
 */
final class SecretsKey {

  private SecretsKey() {}

  static Path file(Path dataDir) {
    return dataDir.resolve("secrets.key");
  }

  static String readOrCreate(Path dataDir) {
    Path file = file(dataDir);
    Optional<String> existing = SecretFiles.read(file);
    if (existing.isPresent()) {
      return existing.get();
    }
    byte[] random = new byte[32];
    new SecureRandom().nextBytes(random);
    String key = Base64.getEncoder().encodeToString(random);
    SecretFiles.write(file, key);
    return key;
  }
}
