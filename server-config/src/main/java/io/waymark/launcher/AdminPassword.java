package io.waymark.launcher;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
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
    try {
      Files.createDirectories(file.getParent());
      Files.deleteIfExists(file);
      // created with owner-only permissions: never readable by others, not even for a moment
      Files.createFile(file, PosixFilePermissions.asFileAttribute(EmbeddedPostgres.ownerOnly()));
      Files.writeString(
          file,
          "AS_ADMIN_PASSWORD=" + password + "\n",
          StandardCharsets.UTF_8,
          StandardOpenOption.TRUNCATE_EXISTING);
    } catch (IOException e) {
      throw new LauncherException("Cannot write the Payara admin password file " + file, e);
    }
  }
}
