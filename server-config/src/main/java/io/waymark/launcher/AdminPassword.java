package io.waymark.launcher;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The Payara domain's admin password: generated when the domain is created and kept for the
 * launcher (and an operator's {@code asadmin --passwordfile}) in an asadmin password file readable
 * by its owner only, so {@code stop}, redeploys and restarts keep working while the admin REST API
 * and console refuse everyone else.
 */
final class AdminPassword {

  private final Path file;

  AdminPassword(Path file) {
    this.file = file;
  }

  Path file() {
    return file;
  }

  /** Writes a new random password (replacing an old one: the domain is being created anew). */
  void create() {
    byte[] random = new byte[24];
    new SecureRandom().nextBytes(random);
    String password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    SecretFiles.write(file, "AS_ADMIN_PASSWORD=" + password);
  }
}
