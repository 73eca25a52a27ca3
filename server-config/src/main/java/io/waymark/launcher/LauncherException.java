package io.waymark.launcher;

/** A failure the launcher reports to the user in one clear message, without a stack trace. */
final class LauncherException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  LauncherException(String message) {
    super(message);
  }

  LauncherException(String message, Throwable cause) {
    super(message, cause);
  }
}
