package io.waymark.launcher;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the external commands of the launcher (pg_ctl, asadmin) and reports their output on failure.
 */
final class Processes {

  private Processes() {}

  record Result(int exitCode, String output) {
    boolean ok() {
      return exitCode == 0;
    }
  }

  static Result run(
      List<String> command, Map<String, String> env, Path workDir, long timeoutSeconds) {
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().putAll(env);
    if (workDir != null) {
      builder.directory(workDir.toFile());
    }
    builder.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
    try {
      Process process = builder.start();
      byte[] out = process.getInputStream().readAllBytes();
      if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        return new Result(
            -1, "timed out after " + timeoutSeconds + " s: " + String.join(" ", command));
      }
      return new Result(process.exitValue(), new String(out, StandardCharsets.UTF_8));
    } catch (IOException e) {
      return new Result(-1, e.toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Result(-1, "interrupted");
    }
  }

  static Result runOrFail(
      List<String> command, Map<String, String> env, Path workDir, long timeoutSeconds) {
    Result result = run(command, env, workDir, timeoutSeconds);
    if (!result.ok()) {
      throw new LauncherException(
          "Command failed ("
              + result.exitCode()
              + "): "
              + String.join(" ", command)
              + "\n"
              + result.output());
    }
    return result;
  }

  /**
   * As root, PostgreSQL refuses to run: its commands then run as the unprivileged user {@code
   * nobody}.
   */
  static List<String> asPostgresUser(List<String> command) {
    if (!isRoot()) {
      return command;
    }
    List<String> wrapped = new ArrayList<>(List.of("runuser", "-u", "nobody", "--"));
    wrapped.addAll(command);
    return wrapped;
  }

  static boolean isRoot() {
    return "root".equals(System.getProperty("user.name"));
  }

  static boolean alive(long pid) {
    return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
  }
}
