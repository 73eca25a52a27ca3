package io.waymark.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's commands as root with the clone in a private (0700) home directory: PostgreSQL runs
 * as {@code nobody}, which cannot reach the data directory, so its files are kept under {@link
 * EmbeddedPostgres#RELOCATION_ROOT}. Starts only the embedded PostgreSQL (port 31532), as the
 * launcher's {@code start}, {@code stop} and a restart do, and a data directory deleted and created
 * again at the same path ({@code mvn clean}). Skipped (loudly) when not root.
 */
class EmbeddedPostgresTest {

  private static final int PORT = 31532;

  @TempDir Path home;

  private Path dataDir;
  private Path relocated;

  @BeforeEach
  void privateHome() throws IOException {
    boolean root = Processes.isRoot();
    if (!root) {
      System.err.println(
          "*** EmbeddedPostgresTest SKIPPED: not running as root, so PostgreSQL is not run as"
              + " 'nobody' and nothing is relocated. Run the build as root to test it. ***");
    }
    assumeTrue(root, "not root: the relocation of PostgreSQL's files is for root only");
    Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rwx------"));
    dataDir = home.resolve("project/it/target/waymark-it");
    Files.createDirectories(dataDir);
    relocated = EmbeddedPostgres.relocated(dataDir);
  }

  @AfterEach
  void leaveNothing() throws IOException, InterruptedException {
    if (relocated == null) {
      return;
    }
    try {
      if (Files.exists(dataDir)) {
        postgres().stop();
      }
      assertThat(postgresProcesses()).as("PostgreSQL processes left").isEmpty();
    } finally {
      EmbeddedPostgres.deleteTree(relocated);
    }
  }

  @Test
  void asRootWithAPrivateHomePostgresKeepsItsFilesOutsideAndRestartsFindThem() throws Exception {
    assertThat(nobodyReaches(dataDir)).isFalse();
    // what the launcher before this left after failing here: an empty pgdata, the binaries, the
    // superuser's password given to nobody
    Files.createDirectories(dataDir.resolve("pgdata"));
    Files.createDirectories(dataDir.resolve("pgsql/bin"));
    DbPasswords.readOrCreate(dataDir, DbPasswords.SUPERUSER);
    Processes.runOrFail(
        List.of("chown", "nobody:", DbPasswords.file(dataDir, DbPasswords.SUPERUSER).toString()),
        Map.of(),
        null,
        30);

    EmbeddedPostgres first = postgres();
    first.start();

    // where it went, and that it is recorded for stop, status and restarts
    assertThat(dataDir.resolve(EmbeddedPostgres.LOCATION_FILE))
        .content(StandardCharsets.UTF_8)
        .isEqualTo(relocated + "\n");
    assertThat(relocated.getParent()).isEqualTo(EmbeddedPostgres.RELOCATION_ROOT);
    assertThat(relocated.getFileName().toString()).matches("[0-9a-f]{16}");
    assertThat(dataDir.resolve("pgdata")).doesNotExist();
    assertThat(dataDir.resolve("pgsql")).doesNotExist();
    assertThat(first.data()).isEqualTo(relocated.resolve("pgdata"));
    assertThat(mode(relocated)).isEqualTo("rwx--x--x");
    assertThat(mode(EmbeddedPostgres.RELOCATION_ROOT)).isEqualTo("rwx--x--x");
    assertThat(owner(relocated)).isEqualTo("root");
    assertThat(mode(first.data())).isEqualTo("rwx------");
    assertThat(owner(first.data())).isEqualTo("nobody");
    assertThat(owner(relocated.resolve("postgresql.log"))).isEqualTo("nobody");
    // secrets: root's and owner-only in the data directory; initdb's copy is gone
    for (String login :
        List.of(DbPasswords.SUPERUSER, DbPasswords.APPLICATION, DbPasswords.SANDBOX)) {
      Path file = DbPasswords.file(dataDir, login);
      assertThat(mode(file)).as(file.toString()).isEqualTo("rw-------");
      assertThat(owner(file)).as(file.toString()).isEqualTo("root");
    }
    try (Stream<Path> files = Files.walk(relocated)) {
      assertThat(
              files.filter(
                  p -> p.toString().endsWith(".password") || p.toString().endsWith(".pwfile")))
          .isEmpty();
    }
    assertThat(first.running()).isTrue();
    assertThat(currentUser()).isEqualTo(DbPasswords.APPLICATION);

    // `waymark stop` and a later `start`: new launchers that know only the data directory
    postgres().stop();
    assertThat(first.running()).isFalse();
    assertThat(postgresProcesses()).isEmpty();
    EmbeddedPostgres again = postgres();
    again.start();
    assertThat(again.data()).isEqualTo(relocated.resolve("pgdata"));
    assertThat(currentUser()).isEqualTo(DbPasswords.APPLICATION);
    postgres().stop();
    assertThat(postgresProcesses()).isEmpty();
  }

  @Test
  void aDataDirectoryCreatedAgainAtTheSamePathReusesTheLocation() throws Exception {
    postgres().start();
    String oldPassword = DbPasswords.read(dataDir, DbPasswords.APPLICATION).orElseThrow();
    // `mvn clean` with PostgreSQL still running: the data directory and its passwords are gone
    EmbeddedPostgres.deleteTree(dataDir);
    Files.createDirectories(dataDir);

    postgres().start();
    assertThat(DbPasswords.read(dataDir, DbPasswords.APPLICATION)).get().isNotEqualTo(oldPassword);
    assertThat(currentUser()).isEqualTo(DbPasswords.APPLICATION);
    // the same place, re-initialised: nothing set aside, nothing else added
    try (Stream<Path> entries = Files.list(relocated)) {
      assertThat(entries.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("pgsql", "pgdata", "postgresql.log");
    }
    postgres().stop();
    assertThat(postgresProcesses()).isEmpty();
  }

  private EmbeddedPostgres postgres() {
    return new EmbeddedPostgres(dataDir, PORT, binariesJar(), Duration.ofSeconds(5));
  }

  private String currentUser() throws SQLException {
    try (Connection c =
            DriverManager.getConnection(
                "jdbc:postgresql://127.0.0.1:" + PORT + "/waymark",
                DbPasswords.APPLICATION,
                DbPasswords.read(dataDir, DbPasswords.APPLICATION).orElseThrow());
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("select current_user")) {
      rs.next();
      return rs.getString(1);
    }
  }

  /** The PostgreSQL binaries' jar, a test dependency. */
  private static Path binariesJar() {
    URL archive = EmbeddedPostgresTest.class.getResource("/postgres-linux-x86_64.txz");
    assertThat(archive).as("the PostgreSQL binaries on the test class path").isNotNull();
    String url = archive.toString();
    try {
      return Path.of(new java.net.URI(url.substring("jar:".length(), url.indexOf("!/"))));
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The processes of this location's PostgreSQL, given up to 10 s to go (pg_ctl's stop returns once
   * the pid file is gone, a moment before the process).
   */
  private List<String> postgresProcesses() throws InterruptedException {
    List<String> left = List.of();
    for (int i = 0; i < 50; i++) {
      Processes.Result result =
          Processes.run(List.of("pgrep", "-af", relocated.toString()), Map.of(), null, 30);
      left = result.output().lines().filter(l -> !l.isBlank()).toList();
      if (left.isEmpty()) {
        break;
      }
      Thread.sleep(200);
    }
    return left;
  }

  private static boolean nobodyReaches(Path dir) {
    return Processes.run(
            List.of("runuser", "-u", "nobody", "--", "test", "-x", dir.toString()),
            Map.of(),
            null,
            30)
        .ok();
  }

  private static String mode(Path p) throws IOException {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
  }

  private static String owner(Path p) throws IOException {
    return Files.getOwner(p).getName();
  }
}
