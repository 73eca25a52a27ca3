package io.waymark.launcher;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;

/**
 * The quick start: {@code run} (foreground, Ctrl-C stops everything), {@code start} (background,
 * returns once ready), {@code stop} and {@code status}. Embedded PostgreSQL unless {@code
 * waymark.db.url} is set.
 */
public final class Launcher {

  private final Settings settings = new Settings();
  private final EmbeddedPostgres postgres;
  private final PayaraDomain payara;

  private Launcher() {
    Path dist = settings.distDir();
    postgres =
        new EmbeddedPostgres(
            settings.dataDir(),
            settings.embeddedDbPort(),
            dist.resolve("postgres-binaries.jar"),
            settings.rawSqlTimeout());
    payara = new PayaraDomain(settings);
  }

  public static void main(String[] args) {
    String command = args.length == 0 ? "help" : args[0];
    Launcher launcher = new Launcher();
    try {
      switch (command) {
        case "run" -> launcher.run();
        case "start" -> launcher.start();
        case "stop" -> launcher.stop();
        case "status" -> System.exit(launcher.status() ? 0 : 3);
        case "db-start" -> launcher.startDatabase();
        case "db-stop" -> launcher.postgres.stop();
        default -> {
          System.out.println("usage: waymark run|start|stop|status|db-start|db-stop");
          System.exit(command.equals("help") ? 0 : 2);
        }
      }
    } catch (LauncherException e) {
      System.err.println("waymark: " + e.getMessage());
      System.exit(1);
    }
  }

  private void start() {
    if (!Files.exists(settings.ear())) {
      throw new LauncherException(
          "EAR not found at " + settings.ear() + " (run ./mvnw install -DskipTests first)");
    }
    Instant began = Instant.now();
    mkdirs(settings.dataDir());
    if (settings.embeddedDatabase()) {
      postgres.locate();
      System.out.println(
          "Starting embedded PostgreSQL on 127.0.0.1:"
              + settings.embeddedDbPort()
              + " (data in "
              + postgres.data()
              + ") ...");
      postgres.start();
    }
    try {
      if (payara.running()) {
        System.out.println(
            "Payara is already running: redeploying " + settings.ear().getFileName() + " ...");
        payara.redeploy();
      } else {
        System.out.println(
            "Starting Payara Server and deploying " + settings.ear().getFileName() + " ...");
        payara.start(settings.forwardedEnvironment());
      }
      awaitReady(Duration.ofMinutes(5));
    } catch (LauncherException e) {
      // leave nothing half-started behind
      stop();
      throw e;
    }
    printInitialAdminPassword();
    String base = "http://localhost:" + settings.httpPort();
    System.out.printf(
        "%nWaymark is up (%d s).%n  API:           %s/api/v1%n  Admin console: %s/admin%n"
            + "  Health:        %s/health/ready%n  Metrics:       %s/metrics%n  OpenAPI:       %s/openapi%n"
            + "  Server log:    %s%n",
        Duration.between(began, Instant.now()).toSeconds(),
        base,
        base,
        base,
        base,
        base,
        payara.serverLog());
    if (settings.smsWebhookOpenByDefault()) {
      System.out.println(
          "  SMS webhook:   open to every caller (quick-start default: set waymark.sms.webhook.token"
              + " or .allowed-ips to close it)");
    }
  }

  /** Only the embedded PostgreSQL (for another server, e.g. the WildFly deploy check). */
  private void startDatabase() {
    mkdirs(settings.dataDir());
    postgres.start();
    System.out.println(
        "Embedded PostgreSQL is up: " + settings.dbUrl() + " (user " + settings.dbUser() + ")");
  }

  private void run() {
    start();
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  System.out.println("\nStopping Waymark ...");
                  stop();
                  stopped.countDown();
                }));
    System.out.println("Press Ctrl-C to stop.");
    followLog(payara.serverLog());
    // the server went away without Ctrl-C (`waymark stop` from another shell): so does `run`
    System.out.println("Payara Server has stopped; leaving.");
  }

  private void stop() {
    payara.stop();
    postgres.stop();
    System.out.println("Waymark stopped.");
  }

  private boolean status() {
    boolean server = payara.running();
    boolean db = !settings.embeddedDatabase() || postgres.running();
    System.out.println("Payara Server: " + (server ? "running" : "stopped"));
    if (settings.embeddedDatabase()) {
      System.out.println("Embedded PostgreSQL: " + (db ? "running" : "stopped"));
    }
    boolean ready = server && ready();
    System.out.println("Readiness: " + (ready ? "UP" : "DOWN"));
    return server && db && ready;
  }

  /**
   * Readiness UP with the application's checks, and the API itself answering (the web module loads
   * last).
   */
  private boolean ready() {
    return health() && apiAnswers();
  }

  private boolean apiAnswers() {
    try {
      HttpResponse<String> response =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(
                          URI.create(
                              "http://127.0.0.1:" + settings.httpPort() + "/api/v1/api-resources"))
                      .timeout(Duration.ofSeconds(10))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      return response.statusCode() == 403 && response.body().contains("no_authorization");
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private boolean health() {
    try {
      HttpResponse<String> response =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(
                          URI.create("http://127.0.0.1:" + settings.httpPort() + "/health/ready"))
                      .timeout(Duration.ofSeconds(10))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      return response.statusCode() == 200
          && response.body().contains("\"status\":\"UP\"")
          && response.body().contains("waymark-database")
          && response.body().contains("waymark-messaging");
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private void awaitReady(Duration limit) {
    Instant deadline = Instant.now().plus(limit);
    while (Instant.now().isBefore(deadline)) {
      // a failed deploy first: health checks of a half-deployed application must not count as ready
      String failure = payara.deploymentFailure();
      if (failure != null) {
        throw new LauncherException(
            "The EAR did not deploy: " + failure + "\nSee " + payara.serverLog());
      }
      if (ready()) {
        return;
      }
      pause();
    }
    throw new LauncherException(
        "Waymark did not become ready within "
            + limit.toSeconds()
            + " s; see "
            + payara.serverLog());
  }

  /**
   * The application writes a generated admin password to a private file; it is shown here once and
   * removed.
   */
  private void printInitialAdminPassword() {
    Path file = settings.dataDir().resolve("initial-admin-password");
    try {
      if (Files.exists(file)) {
        String content = Files.readString(file, StandardCharsets.UTF_8).strip();
        Files.delete(file);
        System.out.println(
            "\n*** First start: admin console user created (shown only this once) ***\n" + content);
      }
    } catch (IOException e) {
      System.err.println("Cannot read " + file + ": " + e.getMessage());
    }
  }

  /** Prints the server log as it grows, until the server is no longer running. */
  private void followLog(Path log) {
    try {
      while (!Files.exists(log)) {
        pause();
      }
      try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
        file.seek(file.length());
        int idle = 0;
        while (true) {
          String line = file.readLine();
          if (line == null) {
            if (file.length() < file.getFilePointer()) {
              file.seek(0); // rotated
            }
            if (++idle % 4 == 0 && !payara.running()) {
              return;
            }
            pause();
          } else {
            System.out.println(
                new String(line.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8));
          }
        }
      }
    } catch (IOException e) {
      throw new LauncherException("Cannot follow " + log, e);
    }
  }

  private static void pause() {
    try {
      Thread.sleep(500);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new LauncherException("interrupted");
    }
  }

  private static void mkdirs(Path dir) {
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new LauncherException("Cannot create " + dir, e);
    }
  }
}
