package io.waymark.launcher;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;

/**
 * The files the launcher keeps secrets in (generated passwords, the secrets key, the admin password
 * file): created owner-only (0600) — never readable by others, not even for a moment — and read
 * back stripped.
 */
final class SecretFiles {

  private SecretFiles() {}

  /** The file's content without surrounding white space; empty when it is missing or blank. */
  static Optional<String> read(Path file) {
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    try {
      String content = Files.readString(file, StandardCharsets.UTF_8).strip();
      return content.isEmpty() ? Optional.empty() : Optional.of(content);
    } catch (IOException e) {
      throw new LauncherException("Cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  /** Writes {@code content} and a line end into a new owner-only file (replacing any). */
  static void write(Path file, String content) {
    try {
      Files.createDirectories(file.getParent());
      Files.deleteIfExists(file);
      Files.createFile(file, PosixFilePermissions.asFileAttribute(EmbeddedPostgres.ownerOnly()));
      Files.writeString(file, content + "\n", StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new LauncherException("Cannot write " + file + ": " + e.getMessage(), e);
    }
  }
}
