package io.waymark.launcher;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;

/**
 * A real PostgreSQL server for the quick start and the tests: the binaries Maven Central ships
 * (zonky) are extracted into the data directory and driven with their own {@code pg_ctl}, so the
 * server outlives the launcher's JVM and {@code stop} needs nothing but the data directory. Listens
 * on 127.0.0.1 only.
 *
 * <p>As root, PostgreSQL (which refuses to run as root) runs as {@code nobody}. When {@code nobody}
 * cannot reach the data directory (a clone in a private 0700 home directory, e.g. {@code
 * /root/project}), PostgreSQL's own files — binaries, {@code pgdata}, its log — are kept in {@link
 * #RELOCATION_ROOT}{@code /<hash>} instead: {@code <hash>} is the first 16 hex digits of the
 * SHA-256 of the data directory's absolute path, the directories are root-owned 0711 ({@code
 * nobody} may pass, not list) and {@code pgdata} is {@code nobody}'s, 0700. The location is
 * recorded in the data directory's {@value #LOCATION_FILE}, which {@code stop}, {@code status} and
 * restarts read; the passwords stay in the data directory (root's, 0600). A data directory created
 * again at the same path (deleted, {@code mvn clean}) finds no record and re-initialises the same
 * location, so nothing piles up there.
 *
 * <p>Every login has a password (SCRAM, {@link DbPasswords}): the bootstrap superuser {@code
 * postgres} is the launcher's only; the application owns its database as {@code waymark}, no
 * superuser; raw-SQL segments run as {@code waymark_segments}, read-only with a statement timeout
 * by role default, and may call none of the server functions that reach outside a query ({@link
 * #lockDownFunctions}).
 */
final class EmbeddedPostgres {

  private static final String DATABASE = "waymark";

  /**
   * The catalogue functions no one but the superuser (and the application where it uses them) may
   * call: server files, large objects, settings, sleeps, advisory locks, queries run from inside a
   * query, other sessions.
   */
  static final String LOCKED_FUNCTIONS =
      "^(pg_read_file|pg_read_binary_file|pg_ls_dir|pg_stat_file|lo_.*|loread|lowrite|set_config"
          + "|pg_sleep.*|pg_advisory.*|pg_try_advisory.*|query_to_xml.*|cursor_to_xml.*|dblink.*"
          + "|pg_terminate_backend|pg_cancel_backend|pg_notify)$";

  /** Of those, what the application itself calls (Flyway's advisory lock, statement timeouts). */
  static final String APPLICATION_FUNCTIONS =
      "^(set_config|pg_advisory.*|pg_try_advisory.*|pg_notify)$";

  /** Where PostgreSQL's files go when, as root, {@code nobody} cannot reach the data directory. */
  static final Path RELOCATION_ROOT = Path.of("/var/lib/waymark-postgres");

  /** In the data directory: the absolute path of PostgreSQL's files when they are elsewhere. */
  static final String LOCATION_FILE = "postgres.location";

  private final Path dataDir;
  private Path base;
  private boolean located;
  private final int port;
  private final Path binariesJar;
  private final Duration rawSqlTimeout;

  EmbeddedPostgres(Path dataDir, int port, Path binariesJar, Duration rawSqlTimeout) {
    this.dataDir = dataDir;
    this.port = port;
    this.binariesJar = binariesJar;
    this.rawSqlTimeout = rawSqlTimeout;
  }

  /**
   * The directory holding PostgreSQL's files ({@code pgsql}, {@code pgdata}, {@code
   * postgresql.log}): the recorded location, else the data directory.
   */
  Path base() {
    if (base == null) {
      Path record = dataDir.resolve(LOCATION_FILE);
      if (!Files.exists(record)) {
        return dataDir;
      }
      try {
        Path recorded = Path.of(Files.readString(record, UTF_8).strip());
        if (!recorded.isAbsolute()) {
          throw new LauncherException(record + " must hold an absolute path, not " + recorded);
        }
        base = recorded;
      } catch (IOException e) {
        throw new LauncherException("Cannot read " + record + ": " + e.getMessage(), e);
      }
    }
    return base;
  }

  /** PostgreSQL's data directory ({@code pgdata}). */
  Path data() {
    return base().resolve("pgdata");
  }

  private Path home() {
    return base().resolve("pgsql");
  }

  private Path log() {
    return base().resolve("postgresql.log");
  }

  /** The location used for a data directory whose PostgreSQL files cannot stay in it. */
  static Path relocated(Path dataDir) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(dataDir.toAbsolutePath().normalize().toString().getBytes(UTF_8));
      return RELOCATION_ROOT.resolve(HexFormat.of().formatHex(digest).substring(0, 16));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  void start() {
    locate();
    keepSuperuserPasswordRoots();
    install();
    Path data = data();
    if (Files.exists(data.resolve("PG_VERSION"))
        && DbPasswords.read(dataDir, DbPasswords.SUPERUSER).isEmpty()) {
      setAsideTrustingCluster();
    }
    if (!running()) {
      if (!Files.exists(data.resolve("PG_VERSION"))) {
        initdb();
      }
      startServer();
    }
    setUpRoles();
  }

  /** Older launchers gave the superuser's password file to {@code nobody}: it is root's again. */
  private void keepSuperuserPasswordRoots() {
    Path file = DbPasswords.file(dataDir, DbPasswords.SUPERUSER);
    if (!Processes.isRoot() || !Files.exists(file)) {
      return;
    }
    try {
      UserPrincipal root =
          file.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("root");
      if (!Files.getOwner(file).equals(root)) {
        Files.setOwner(file, root);
      }
    } catch (IOException e) {
      throw new LauncherException("Cannot give " + file + " back to root: " + e.getMessage(), e);
    }
  }

  /**
   * As root, decides once where PostgreSQL's files go: in the data directory when {@code nobody}
   * can reach it, else in {@link #relocated} (recorded in {@value #LOCATION_FILE}). Says where, and
   * why, at every start.
   */
  void locate() {
    if (located || !Processes.isRoot()) {
      return;
    }
    located = true;
    Path record = dataDir.resolve(LOCATION_FILE);
    if (!Files.exists(record)) {
      if (postgresUserReaches(dataDir)) {
        return;
      }
      if (Files.exists(dataDir.resolve("pgdata/PG_VERSION"))) {
        throw new LauncherException(
            "Running as root, PostgreSQL runs as 'nobody', which cannot reach "
                + dataDir.resolve("pgdata")
                + " (a parent directory is private). Let 'nobody' pass (chmod o+x on the"
                + " parents), or move pgdata, pgsql and postgresql.log to "
                + relocated(dataDir)
                + " and write that path into "
                + record
                + ".");
      }
      relocate(record, relocated(dataDir));
      // what an older launcher left of a start that could not initialise the cluster here
      try {
        deleteTree(dataDir.resolve("pgdata"));
        deleteTree(dataDir.resolve("pgsql"));
      } catch (IOException e) {
        System.err.println("Cannot delete an unused " + dataDir.resolve("pgsql") + ": " + e);
      }
    }
    Path where = base();
    System.out.println(
        "Running as root, PostgreSQL runs as 'nobody', which cannot reach "
            + dataDir
            + ": its binaries, data and log are in "
            + where
            + " (recorded in "
            + record
            + "; the passwords stay in the data directory).");
    if (!postgresUserReaches(where)) {
      throw new LauncherException(
          "'nobody' cannot reach "
              + where
              + " (recorded in "
              + record
              + "): every directory above it must allow others to pass (chmod o+x).");
    }
  }

  /**
   * Creates the location of PostgreSQL's files outside the data directory. What a data directory of
   * the same path left there before it was deleted (its passwords went with it) is stopped and
   * removed first.
   */
  private void relocate(Path record, Path target) {
    try {
      if (Files.exists(target)) {
        Path stale = target.resolve("pgdata");
        Path pgCtl = target.resolve("pgsql/bin/pg_ctl");
        if (Files.exists(stale.resolve("postmaster.pid")) && Files.exists(pgCtl)) {
          Processes.run(
              Processes.asPostgresUser(
                  List.of(pgCtl.toString(), "-D", stale.toString(), "-m", "fast", "-w", "stop")),
              Map.of(),
              null,
              90);
        }
        deleteTree(target);
        System.out.println(
            "NOTE: removed "
                + target
                + ", PostgreSQL's files of an earlier data directory at "
                + dataDir
                + " (its passwords were deleted with it).");
      }
      for (Path dir : List.of(RELOCATION_ROOT, target)) {
        Files.createDirectories(dir);
        // root's; others may pass (nobody to its pgdata), not list or write
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx--x--x"));
      }
      Files.writeString(record, target + "\n", UTF_8);
    } catch (IOException e) {
      throw new LauncherException("Cannot create " + target + ": " + e.getMessage(), e);
    }
    base = target;
  }

  private static boolean postgresUserReaches(Path dir) {
    return Processes.run(
            List.of("runuser", "-u", "nobody", "--", "test", "-x", dir.toString()),
            Map.of(),
            null,
            30)
        .ok();
  }

  /**
   * A data directory of an older launcher: every local connection trusted, the application its
   * superuser. It is kept (renamed) and a new cluster is initialised, since a superuser-owned
   * schema cannot be handed to a plain role in place.
   */
  private void setAsideTrustingCluster() {
    if (running()) {
      stop();
    }
    Path data = data();
    Path aside =
        data.resolveSibling(
            "pgdata.trust-"
                + DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
                    .withZone(ZoneOffset.UTC)
                    .format(Instant.now()));
    try {
      Files.move(data, aside);
    } catch (IOException e) {
      throw new LauncherException(
          "Cannot move " + data + " to " + aside + ": " + e.getMessage(), e);
    }
    System.out.println(
        "NOTE: "
            + data
            + " was created by an older Waymark (PostgreSQL trusting every local connection, the"
            + " application as superuser). It was moved to "
            + aside
            + " and a new database with password logins is created; its data is not copied (start"
            + " the old directory with an older launcher and pg_dump it to keep it).");
  }

  private void startServer() {
    Path data = data();
    Path log = log();
    touchOwnedByPostgresUser(log);
    Processes.runOrFail(
        Processes.asPostgresUser(
            List.of(
                bin("pg_ctl"),
                "-D",
                data.toString(),
                "-l",
                log.toString(),
                "-w",
                "-t",
                "60",
                "-o",
                "-p " + port + " -h 127.0.0.1 -k " + data + " -c max_connections=200 -c fsync=on",
                "start")),
        Map.of(),
        null,
        90);
  }

  void stop() {
    Path data = data();
    if (!Files.exists(data.resolve("postmaster.pid"))) {
      return;
    }
    Processes.run(
        Processes.asPostgresUser(
            List.of(bin("pg_ctl"), "-D", data.toString(), "-m", "fast", "-w", "-t", "60", "stop")),
        Map.of(),
        null,
        90);
  }

  boolean running() {
    try {
      Path pidFile = data().resolve("postmaster.pid");
      if (!Files.exists(pidFile)) {
        return false;
      }
      long pid = Long.parseLong(Files.readAllLines(pidFile).get(0).trim());
      return Processes.alive(pid);
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  private String bin(String name) {
    return home().resolve("bin").resolve(name).toString();
  }

  private void install() {
    Path home = home();
    if (Files.exists(home.resolve("bin/pg_ctl"))) {
      return;
    }
    if (!Files.exists(binariesJar)) {
      throw new LauncherException(
          "PostgreSQL binaries not found at "
              + binariesJar
              + " (run ./mvnw install -DskipTests first)");
    }
    try (ZipInputStream jar = new ZipInputStream(Files.newInputStream(binariesJar))) {
      ZipEntry entry;
      while ((entry = jar.getNextEntry()) != null) {
        if (entry.getName().endsWith(".txz")) {
          untar(new XZCompressorInputStream(new BufferedInputStream(jar)), home);
          return;
        }
      }
      throw new LauncherException("No PostgreSQL archive inside " + binariesJar);
    } catch (IOException e) {
      throw new LauncherException("Cannot extract PostgreSQL binaries: " + e.getMessage(), e);
    }
  }

  private static void untar(InputStream in, Path target) throws IOException {
    Path tmp = target.resolveSibling(target.getFileName() + ".partial");
    deleteTree(tmp);
    Files.createDirectories(tmp);
    // readable (and the programs runnable) by the user PostgreSQL runs as, whatever the umask
    Set<PosixFilePermission> open = PosixFilePermissions.fromString("rwxr-xr-x");
    Set<PosixFilePermission> readable = PosixFilePermissions.fromString("rw-r--r--");
    Files.setPosixFilePermissions(tmp, open);
    try (TarArchiveInputStream tar = new TarArchiveInputStream(in)) {
      TarArchiveEntry entry;
      while ((entry = tar.getNextEntry()) != null) {
        Path out = tmp.resolve(entry.getName()).normalize();
        if (!out.startsWith(tmp)) {
          throw new IOException("Unsafe entry " + entry.getName());
        }
        if (entry.isDirectory()) {
          createOpenDirectories(tmp, out, open);
        } else if (entry.isSymbolicLink()) {
          createOpenDirectories(tmp, out.getParent(), open);
          Files.createSymbolicLink(out, Path.of(entry.getLinkName()));
        } else {
          createOpenDirectories(tmp, out.getParent(), open);
          Files.copy(tar, out);
          Files.setPosixFilePermissions(out, (entry.getMode() & 0100) != 0 ? open : readable);
        }
      }
    }
    Files.move(tmp, target);
  }

  private static void createOpenDirectories(Path root, Path dir, Set<PosixFilePermission> open)
      throws IOException {
    if (Files.isDirectory(dir)) {
      return;
    }
    if (!dir.equals(root)) {
      createOpenDirectories(root, dir.getParent(), open);
    }
    Files.createDirectory(dir);
    Files.setPosixFilePermissions(dir, open);
  }

  /**
   * A copy of the superuser's password for initdb, readable by the OS user running PostgreSQL only:
   * created 0600 (then, as root, given to {@code nobody}) beside {@code pgdata}, in a directory
   * only root may write; deleted once initdb has read it. The password itself stays in the data
   * directory, root's.
   */
  private Path initdbPasswordFile() {
    String password = DbPasswords.readOrCreate(dataDir, DbPasswords.SUPERUSER);
    Path file = base().resolve("initdb.pwfile");
    SecretFiles.write(file, password);
    if (Processes.isRoot()) {
      Processes.runOrFail(List.of("chown", "nobody:", file.toString()), Map.of(), null, 30);
    }
    return file;
  }

  private void initdb() {
    Path data = data();
    try {
      deleteTree(data);
      Files.createDirectories(data);
      Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwx------"));
      if (Processes.isRoot()) {
        Processes.runOrFail(List.of("chown", "nobody:", data.toString()), Map.of(), null, 30);
        Processes.runOrFail(
            List.of("runuser", "-u", "nobody", "--", "test", "-x", bin("initdb")),
            Map.of(),
            null,
            30);
      }
    } catch (IOException e) {
      throw new LauncherException("Cannot create " + data + ": " + e.getMessage(), e);
    } catch (LauncherException e) {
      throw new LauncherException(
          "Running as root, PostgreSQL runs as 'nobody', which must be able to reach "
              + data
              + ".\n"
              + e.getMessage(),
          e);
    }
    Path passwordFile = initdbPasswordFile();
    try {
      Processes.runOrFail(
          Processes.asPostgresUser(
              List.of(
                  bin("initdb"),
                  "-D",
                  data.toString(),
                  "-U",
                  DbPasswords.SUPERUSER,
                  "-A",
                  "scram-sha-256",
                  "--pwfile=" + passwordFile,
                  "-E",
                  "UTF8",
                  "--locale=C",
                  "--no-instructions")),
          Map.of(),
          null,
          180);
    } finally {
      try {
        Files.deleteIfExists(passwordFile);
      } catch (IOException e) {
        System.err.println("Cannot delete " + passwordFile + ": " + e.getMessage());
      }
    }
  }

  private void touchOwnedByPostgresUser(Path file) {
    try {
      if (!Files.exists(file)) {
        Files.createFile(file);
      }
      if (Processes.isRoot()) {
        Processes.runOrFail(List.of("chown", "nobody:", file.toString()), Map.of(), null, 30);
      }
    } catch (IOException e) {
      throw new LauncherException("Cannot create " + file, e);
    }
  }

  /**
   * Creates (or brings up to date) the application's and the sandbox's logins, the database owned
   * by the application, and the locked-down functions. Run at every start: it only changes what
   * differs.
   */
  private void setUpRoles() {
    String superuser = DbPasswords.read(dataDir, DbPasswords.SUPERUSER).orElseThrow();
    String app = DbPasswords.readOrCreate(dataDir, DbPasswords.APPLICATION);
    String sandbox = DbPasswords.readOrCreate(dataDir, DbPasswords.SANDBOX);
    try (Connection c = connect("postgres", superuser);
        Statement s = c.createStatement()) {
      login(s, DbPasswords.APPLICATION, app);
      login(s, DbPasswords.SANDBOX, sandbox);
      try (ResultSet rs =
          s.executeQuery("select 1 from pg_database where datname = '" + DATABASE + "'")) {
        if (!rs.next()) {
          s.execute("create database " + DATABASE + " owner " + DbPasswords.APPLICATION);
        }
      }
      s.execute("alter database " + DATABASE + " owner to " + DbPasswords.APPLICATION);
      s.execute("revoke all on database " + DATABASE + " from public");
      s.execute("grant connect on database " + DATABASE + " to " + DbPasswords.SANDBOX);
      s.execute("alter role " + DbPasswords.SANDBOX + " set default_transaction_read_only = on");
      // a superuser-only setting: the sandbox's sorts and hashes spill at most this much to disk
      s.execute("alter role " + DbPasswords.SANDBOX + " set temp_file_limit = '1GB'");
      s.execute(
          "alter role "
              + DbPasswords.SANDBOX
              + " set statement_timeout = '"
              + Math.max(1, rawSqlTimeout.toMillis())
              + "ms'");
    } catch (SQLException e) {
      throw new LauncherException("Cannot set up the database roles: " + e.getMessage(), e);
    }
    try (Connection c = connect(DATABASE, superuser);
        Statement s = c.createStatement()) {
      lockDownFunctions(s);
    } catch (SQLException e) {
      throw new LauncherException(
          "Cannot restrict the server functions in '" + DATABASE + "': " + e.getMessage(), e);
    }
  }

  private static void login(Statement s, String role, String password) throws SQLException {
    boolean exists;
    try (ResultSet rs = s.executeQuery("select 1 from pg_roles where rolname = '" + role + "'")) {
      exists = rs.next();
    }
    // passwords are hex (DbPasswords): nothing to quote
    s.execute(
        (exists ? "alter role " : "create role ")
            + role
            + " login nosuperuser nocreatedb nocreaterole noreplication nobypassrls inherit"
            + " password '"
            + password
            + "'");
  }

  /**
   * EXECUTE on the functions of {@link #LOCKED_FUNCTIONS} is taken from PUBLIC (function privileges
   * are per database: this is the application's database) and given back to the application for
   * those it calls; the sandbox login is no member of it.
   */
  static void lockDownFunctions(Statement s) throws SQLException {
    s.execute(
        """
        do $$
        declare f regprocedure;
        begin
          for f in select p.oid::regprocedure from pg_proc p
              join pg_namespace n on n.oid = p.pronamespace
              where n.nspname not in ('information_schema') and p.proname ~ '%s'
          loop
            execute format('revoke execute on function %%s from public', f);
          end loop;
          for f in select p.oid::regprocedure from pg_proc p
              join pg_namespace n on n.oid = p.pronamespace
              where n.nspname not in ('information_schema') and p.proname ~ '%s'
          loop
            execute format('grant execute on function %%s to %s', f);
          end loop;
        end $$"""
            .formatted(LOCKED_FUNCTIONS, APPLICATION_FUNCTIONS, DbPasswords.APPLICATION));
  }

  private Connection connect(String database, String superuserPassword) throws SQLException {
    return DriverManager.getConnection(
        "jdbc:postgresql://127.0.0.1:" + port + "/" + database,
        DbPasswords.SUPERUSER,
        superuserPassword);
  }

  static void deleteTree(Path path) throws IOException {
    if (!Files.exists(path, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try (var walk = Files.walk(path)) {
      for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  static Set<PosixFilePermission> ownerOnly() {
    return PosixFilePermissions.fromString("rw-------");
  }
}
