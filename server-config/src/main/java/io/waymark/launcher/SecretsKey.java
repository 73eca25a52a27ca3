package io.waymark.launcher;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

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
    try {
      if (Files.exists(file)) {
        String key = Files.readString(file, StandardCharsets.UTF_8).strip();
        if (!key.isEmpty()) {
          return key;
        }
      }
      byte[] random = new byte[32];
      new SecureRandom().nextBytes(random);
      String key = Base64.getEncoder().encodeToString(random);
      Files.createDirectories(dataDir);
      Files.deleteIfExists(file);
      // created owner-only: never readable by others, not even for a moment
      Files.createFile(file, PosixFilePermissions.asFileAttribute(EmbeddedPostgres.ownerOnly()));
      Files.writeString(file, key + "\n", StandardCharsets.UTF_8);
      return key;
    } catch (IOException e) {
      throw new LauncherException("Cannot read or write " + file + ": " + e.getMessage(), e);
    }
  }
}
