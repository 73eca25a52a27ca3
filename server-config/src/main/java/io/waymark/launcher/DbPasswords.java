package io.waymark.launcher;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The embedded PostgreSQL's generated passwords, one owner-only (0600) file per login in the data
 * directory: {@code db-postgres.password} (the bootstrap superuser, used by the launcher only),
 * {@code db-waymark.password} (the application, handed to the server as {@code
 * WAYMARK_DB_PASSWORD}) and {@code db-waymark_segments.password} (the raw-SQL segment sandbox).
 * Hex, so that no asadmin or JDBC URL escaping is ever needed.
 */
final class DbPasswords {

  static final String SUPERUSER = "postgres";
  static final String APPLICATION = "waymark";
  static final String SANDBOX = "waymark_segments";

  private DbPasswords() {}

  static Path file(Path dataDir, String login) {
    return dataDir.resolve("db-" + login + ".password");
  }

  /** The stored password of this login, if the file exists. */
  static Optional<String> read(Path dataDir, String login) {
    return SecretFiles.read(file(dataDir, login));
  }

  /** The stored password, generated (and stored, owner-only) on first use. */
  static String readOrCreate(Path dataDir, String login) {
    Optional<String> existing = read(dataDir, login);
    if (existing.isPresent()) {
      return existing.get();
    }
    byte[] random = new byte[24];
    new SecureRandom().nextBytes(random);
    String password = HexFormat.of().formatHex(random);
    SecretFiles.write(file(dataDir, login), password);
    return password;
  }
}
