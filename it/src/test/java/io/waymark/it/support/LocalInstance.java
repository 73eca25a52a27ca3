package io.waymark.it.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A quick-start instance of its own, driven through the launcher as a user would: ports {@code
 * offset} above the suite's, data beside the suite's ({@code <data dir><suffix>}), and extra {@code
 * -D} options. For tests that stop, restart or kill a server, which the suite's own must survive.
 */
public final class LocalInstance {

  /** The longest a launcher command may take (a first start creates the domain). */
  public static final Duration BOOT = Duration.ofMinutes(6);

  private static final String JAR =
      System.getProperty("it.launcher-jar", "../server-config/target/waymark-launcher.jar");

  /** What a launcher command printed, and its exit code. */
  public record Result(int exit, String output) {}

  private final int http;
  private final int db;
  private final Path data;
  private final List<String> options;

  public LocalInstance(int offset, String suffix, List<String> options) {
    this.http = URI.create(TestServer.BASE).getPort() + offset;
    this.db =
        URI.create(
                    System.getProperty("it.jdbc-url", "jdbc:postgresql://127.0.0.1:28432/x")
                        .substring(5))
                .getPort()
            + offset;
    this.data = Path.of(TestServer.DATA_DIR + suffix).toAbsolutePath();
    this.options = List.copyOf(options);
  }

  public int httpPort() {
    return http;
  }

  public String base() {
    return "http://127.0.0.1:" + http;
  }

  public Path data() {
    return data;
  }

  public List<String> command(String verb) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Dwaymark.data-dir=" + data);
    command.add("-Dwaymark.http.port=" + http);
    command.add("-Dwaymark.db.embedded-port=" + db);
    command.addAll(options);
    command.add("-jar");
    command.add(JAR);
    command.add(verb);
    return command;
  }

  public Result launcher(String verb) throws Exception {
    Process process =
        new ProcessBuilder(command(verb))
            .redirectErrorStream(true)
            .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
            .start();
    byte[] output = process.getInputStream().readAllBytes();
    assertThat(process.waitFor(BOOT.toSeconds(), TimeUnit.SECONDS)).as(verb + " ended").isTrue();
    return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
  }

  /** A launcher command that must succeed. */
  public Result ok(String verb) throws Exception {
    Result result = launcher(verb);
    assertThat(result.exit()).as(verb + ": " + result.output()).isZero();
    return result;
  }

  /** As on a fresh machine: whatever an earlier run left stopped and deleted. */
  public void fresh() throws Exception {
    if (Files.exists(data)) {
      launcher("stop");
      try (var files = Files.walk(data)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
    assertThat(data).doesNotExist();
  }

  /** The instance's database, as the application's login. */
  public Connection database() throws Exception {
    return DriverManager.getConnection(
        "jdbc:postgresql://127.0.0.1:" + db + "/waymark",
        "waymark",
        Files.readString(data.resolve("db-waymark.password")).strip());
  }

  public long payaraPid() throws IOException {
    Path pid = data.resolve("payara6/glassfish/domains/waymark/config/pid");
    return Files.exists(pid) ? Long.parseLong(Files.readString(pid).trim()) : -1;
  }

  /**
   * PostgreSQL's postmaster: its files are in the data directory, or (as root, when {@code nobody}
   * cannot reach the data directory) where {@code postgres.location} says.
   */
  public long postgresPid() throws IOException {
    Path base = postgresBase();
    Path pid = base.resolve("pgdata/postmaster.pid");
    return Files.exists(pid) ? Long.parseLong(Files.readAllLines(pid).get(0).trim()) : -1;
  }

  /** Where PostgreSQL's files are: the data directory, or where it records them (as root). */
  public Path postgresBase() throws IOException {
    Path record = data.resolve("postgres.location");
    return Files.exists(record) ? Path.of(Files.readString(record).strip()) : data;
  }

  public static boolean alive(long pid) {
    return pid > 0 && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
  }
}
