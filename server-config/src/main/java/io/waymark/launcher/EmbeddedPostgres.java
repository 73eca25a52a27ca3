package io.waymark.launcher;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
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
 */
final class EmbeddedPostgres {

  private final Path home;
  private final Path data;
  private final int port;
  private final Path binariesJar;

  EmbeddedPostgres(Path dataDir, int port, Path binariesJar) {
    this.home = dataDir.resolve("pgsql");
    this.data = dataDir.resolve("pgdata");
    this.port = port;
    this.binariesJar = binariesJar;
  }

  void start() {
    if (running()) {
      return;
    }
    install();
    if (!Files.exists(data.resolve("PG_VERSION"))) {
      initdb();
    }
    Path log = data.getParent().resolve("postgresql.log");
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
    createDatabase("waymark");
  }

  void stop() {
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
      Path pidFile = data.resolve("postmaster.pid");
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
    return home.resolve("bin").resolve(name).toString();
  }

  private void install() {
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
    try (TarArchiveInputStream tar = new TarArchiveInputStream(in)) {
      TarArchiveEntry entry;
      while ((entry = tar.getNextEntry()) != null) {
        Path out = tmp.resolve(entry.getName()).normalize();
        if (!out.startsWith(tmp)) {
          throw new IOException("Unsafe entry " + entry.getName());
        }
        if (entry.isDirectory()) {
          Files.createDirectories(out);
        } else if (entry.isSymbolicLink()) {
          Files.createDirectories(out.getParent());
          Files.createSymbolicLink(out, Path.of(entry.getLinkName()));
        } else {
          Files.createDirectories(out.getParent());
          Files.copy(tar, out);
          if ((entry.getMode() & 0100) != 0) {
            out.toFile().setExecutable(true, false);
          }
        }
      }
    }
    Files.move(tmp, target);
  }

  private void initdb() {
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
              + ": choose a waymark.data-dir outside a private home directory.\n"
              + e.getMessage(),
          e);
    }
    Processes.runOrFail(
        Processes.asPostgresUser(
            List.of(
                bin("initdb"),
                "-D",
                data.toString(),
                "-U",
                "waymark",
                "-A",
                "trust",
                "-E",
                "UTF8",
                "--locale=C",
                "--no-instructions")),
        Map.of(),
        null,
        180);
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

  private void createDatabase(String name) {
    String url = "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
    try (Connection c = DriverManager.getConnection(url, "waymark", "")) {
      try (var rs =
          c.createStatement()
              .executeQuery("select 1 from pg_database where datname = '" + name + "'")) {
        if (!rs.next()) {
          c.createStatement().execute("create database " + name);
        }
      }
    } catch (SQLException e) {
      throw new LauncherException(
          "Cannot create the database '" + name + "': " + e.getMessage(), e);
    }
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
