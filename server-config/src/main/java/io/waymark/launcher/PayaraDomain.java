package io.waymark.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Payara Server 6 (full profile) set up as code: the distribution is unpacked into the data
 * directory, a domain {@code waymark} is created with a port base derived from the HTTP port, and
 * post-boot command files point the platform default datasource at PostgreSQL and deploy the EAR.
 * The setup is redone only when its inputs change.
 */
final class PayaraDomain {

  static final String DOMAIN = "waymark";
  static final String ADMIN_USER = "admin";
  private static final String HEAP = "1g";

  private final Settings settings;
  private final Path install;
  private final Path domainDir;
  private final AdminPassword adminPassword;

  PayaraDomain(Settings settings) {
    this.settings = settings;
    this.install = settings.dataDir().resolve("payara6");
    this.domainDir = install.resolve("glassfish/domains/" + DOMAIN);
    this.adminPassword = new AdminPassword(settings.dataDir().resolve("payara-admin.password"));
  }

  int httpPort() {
    return settings.httpPort();
  }

  int adminPort() {
    return portBase() + 48;
  }

  private int portBase() {
    return settings.httpPort() - 80;
  }

  Path serverLog() {
    return domainDir.resolve("logs/server.log");
  }

  void start(Map<String, String> env) {
    unpack();
    String fingerprint = fingerprint();
    Path marker = domainDir.resolve("waymark-setup.sha256");
    boolean fresh = !Files.exists(marker) || !fingerprint.equals(read(marker));
    if (fresh) {
      createDomain();
    }
    if (fresh) {
      // a new domain boots once without the application to be set up: some settings (the JMS
      // host's address) only exist after a first boot and only apply at the next one
      System.out.println("Setting up the new domain (one boot without the application) ...");
      Path preBoot = settings.dataDir().resolve("payara-pre-boot.asadmin");
      write(preBoot, String.join("\n", templateLines("payara/listeners.asadmin")) + "\n");
      Path setup = settings.dataDir().resolve("payara-setup.asadmin");
      write(setup, setupCommands());
      boot(
          env,
          List.of(
              "--prebootcommandfile",
              preBoot.toString(),
              "--postbootcommandfile",
              setup.toString()));
      Processes.run(List.of(asadmin(), "stop-domain", DOMAIN), Map.of(), null, 180);
    }
    Path deploy = settings.dataDir().resolve("payara-post-boot.asadmin");
    write(deploy, "deploy --force=true --name waymark " + settings.ear() + "\n");
    boot(env, List.of("--postbootcommandfile", deploy.toString()));
    if (fresh) {
      write(marker, fingerprint);
    }
  }

  private void boot(Map<String, String> env, List<String> bootFiles) {
    List<String> command = new ArrayList<>(List.of(asadmin(), "start-domain"));
    command.addAll(bootFiles);
    command.add(DOMAIN);
    Processes.Result result = Processes.run(command, env, null, 600);
    if (!result.ok()) {
      throw new LauncherException(
          "Payara did not start:\n" + result.output() + "\nSee " + serverLog());
    }
  }

  void redeploy() {
    Processes.Result result =
        Processes.run(
            remote("deploy", "--force=true", "--name", "waymark", settings.ear().toString()),
            Map.of(),
            null,
            600);
    if (!result.ok()) {
      throw new LauncherException(
          "The EAR did not deploy:\n" + result.output() + "\nSee " + serverLog());
    }
  }

  /** The first line of a deployment failure in this boot's log, if any. */
  String deploymentFailure() {
    try {
      if (!Files.exists(serverLog())) {
        return null;
      }
      List<String> lines = Files.readAllLines(serverLog(), StandardCharsets.UTF_8);
      int boot = 0;
      for (int i = 0; i < lines.size(); i++) {
        if (lines.get(i).contains("Running Payara Version")
            || lines.get(i).contains("Payara Server  6")) {
          boot = i;
        }
      }
      for (int i = boot; i < lines.size(); i++) {
        if (lines.get(i).contains("Boot Command deploy failed")) {
          return lines.get(i).strip();
        }
      }
      return null;
    } catch (IOException e) {
      return null;
    }
  }

  void stop() {
    if (!running()) {
      return;
    }
    // undeploy first: the next start deploys the new EAR once, instead of loading the old one and
    // redeploying
    Processes.run(remote("undeploy", "waymark"), Map.of(), null, 180);
    Processes.run(List.of(asadmin(), "stop-domain", DOMAIN), Map.of(), null, 180);
    long pid = pid();
    if (pid > 0 && Processes.alive(pid)) {
      ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
    }
  }

  boolean running() {
    long pid = pid();
    return pid > 0 && Processes.alive(pid);
  }

  private long pid() {
    Path pidFile = domainDir.resolve("config/pid");
    try {
      return Files.exists(pidFile) ? Long.parseLong(Files.readString(pidFile).trim()) : -1;
    } catch (IOException | NumberFormatException e) {
      return -1;
    }
  }

  private String asadmin() {
    return install.resolve("bin/asadmin").toString();
  }

  /** An asadmin command for the running domain, authenticated as its admin. */
  private List<String> remote(String... command) {
    List<String> line =
        new ArrayList<>(
            List.of(
                asadmin(),
                "--host",
                "127.0.0.1",
                "--port",
                String.valueOf(adminPort()),
                "--user",
                ADMIN_USER,
                "--passwordfile",
                adminPassword.file().toString()));
    line.addAll(List.of(command));
    return line;
  }

  private void unpack() {
    Path zip = settings.distDir().resolve("payara.zip");
    if (Files.exists(install.resolve("bin/asadmin"))) {
      return;
    }
    if (!Files.exists(zip)) {
      throw new LauncherException(
          "Payara distribution not found at " + zip + " (run ./mvnw install -DskipTests first)");
    }
    System.out.println("Unpacking Payara Server into " + install + " ...");
    Path tmp = install.resolveSibling("payara6.partial");
    try {
      EmbeddedPostgres.deleteTree(tmp);
      Files.createDirectories(tmp);
      try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
        ZipEntry entry;
        while ((entry = in.getNextEntry()) != null) {
          String name =
              entry.getName().startsWith("payara6/")
                  ? entry.getName().substring("payara6/".length())
                  : entry.getName();
          Path out = tmp.resolve(name).normalize();
          if (!out.startsWith(tmp)) {
            throw new IOException("Unsafe entry " + entry.getName());
          }
          if (entry.isDirectory()) {
            Files.createDirectories(out);
          } else {
            Files.createDirectories(out.getParent());
            Files.copy(in, out);
          }
        }
      }
      for (String script :
          List.of(
              "bin/asadmin",
              "glassfish/bin/asadmin",
              "bin/startserv",
              "bin/stopserv",
              "glassfish/bin/startserv",
              "glassfish/bin/stopserv")) {
        Path p = tmp.resolve(script);
        if (Files.exists(p)) {
          p.toFile().setExecutable(true, false);
        }
      }
      Files.move(tmp, install);
    } catch (IOException e) {
      throw new LauncherException("Cannot unpack Payara: " + e.getMessage(), e);
    }
  }

  private void createDomain() {
    try {
      EmbeddedPostgres.deleteTree(domainDir);
    } catch (IOException e) {
      throw new LauncherException("Cannot remove the old domain " + domainDir, e);
    }
    System.out.println(
        "Creating Payara domain '"
            + DOMAIN
            + "' (HTTP port "
            + httpPort()
            + ", admin port "
            + adminPort()
            + ") ...");
    adminPassword.create();
    Processes.runOrFail(
        List.of(
            asadmin(),
            "--user",
            ADMIN_USER,
            "--passwordfile",
            adminPassword.file().toString(),
            "create-domain",
            "--portbase",
            String.valueOf(portBase()),
            DOMAIN),
        Map.of(),
        null,
        300);
    try {
      Path lib = domainDir.resolve("lib");
      Files.createDirectories(lib);
      Files.copy(
          settings.distDir().resolve("postgresql.jar"),
          lib.resolve("postgresql.jar"),
          java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new LauncherException("Cannot install the PostgreSQL JDBC driver into the domain", e);
    }
    tuneDomainXml();
  }

  /**
   * Edits of the new domain's domain.xml that neither create-domain nor pre-boot commands can make:
   * Payara's default heap (512 MiB) keeps the young generation small and collections frequent under
   * load (and JVM options cannot come from commands run inside the JVM); the rest keeps every
   * listener but HTTP off the network ({@link #keepListenersLocal}).
   */
  private void tuneDomainXml() {
    Path config = domainDir.resolve("config/domain.xml");
    try {
      String xml = Files.readString(config, StandardCharsets.UTF_8);
      xml =
          replaceOnce(
              xml,
              "<jvm-options>-Xmx512m</jvm-options>",
              "<jvm-options>-Xmx"
                  + HEAP
                  + "</jvm-options>"
                  // the embedded JMS broker's own services bind to this address only
                  + "<jvm-options>-Dimq.hostname=127.0.0.1</jvm-options>"
                  // error pages of the server's own endpoints name no product and version (by
                  // hand: asadmin create-jvm-options '-Dproduct.name=', see setup.asadmin)
                  + "<jvm-options>-Dproduct.name=</jvm-options>");
      Files.writeString(config, keepListenersLocal(xml), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new LauncherException("Cannot edit " + config, e);
    }
  }

  /**
   * The JMS host the broker's port listener binds to, the data grid (Hazelcast: nothing this
   * application uses — its timers are not persistent, it has no JCache) and the H2 databases'
   * auto-servers (which listen on every interface) are what would still be reachable from other
   * machines.
   */
  static String keepListenersLocal(String xml) {
    // a jms-host's localhost makes the broker's port listener bind every interface; the server's
    // own
    // jms-host only appears at the first boot (setup.asadmin sets it then: see start)
    String local =
        Pattern.compile("<jms-host\\b[^>]*>")
            .matcher(xml)
            .replaceAll(
                tag ->
                    Matcher.quoteReplacement(
                        tag.group().contains(" host=\"")
                            ? tag.group().replaceAll(" host=\"[^\"]*\"", " host=\"127.0.0.1\"")
                            : tag.group().replace("<jms-host ", "<jms-host host=\"127.0.0.1\" ")))
            .replace(";AUTO_SERVER=TRUE\"", "\"");
    return replaceOnce(
        local,
        "<hazelcast-config-specific-configuration></hazelcast-config-specific-configuration>",
        "<hazelcast-config-specific-configuration enabled=\"false\"></hazelcast-config-specific-configuration>");
  }

  private static String replaceOnce(String xml, String from, String to) {
    if (!xml.contains(from)) {
      // Payara's domain template changed: fail rather than start with a listener open
      throw new LauncherException("Unexpected Payara domain.xml: '" + from + "' not found");
    }
    return xml.replace(from, to);
  }

  private String setupCommands() {
    List<String> lines = new ArrayList<>();
    lines.add(poolCommand());
    lines.addAll(templateLines("payara/setup.asadmin"));
    return String.join("\n", lines) + "\n";
  }

  /**
   * The JDBC pool, built from waymark.db.*. Connections are validated when handed out, but at most
   * once per 30 s each: validating on every checkout cost a round trip (and a class lookup under
   * the EAR loader's lock) per request.
   */
  private String poolCommand() {
    StringBuilder props =
        new StringBuilder("URL=")
            .append(escape(settings.dbUrl()))
            .append(":user=")
            .append(escape(settings.dbUser()));
    if (settings.dbPassword().isPresent()) {
      // the password stays in the environment: the domain configuration only names the variable
      props.append(":password=\\${ENV\\=WAYMARK_DB_PASSWORD}");
    } else {
      // the embedded server trusts local connections; Payara insists on some password credential
      props.append(":password=waymark");
    }
    return "create-jdbc-connection-pool --datasourceclassname org.postgresql.ds.PGSimpleDataSource"
        + " --restype javax.sql.DataSource --steadypoolsize 4 --maxpoolsize 64 --poolresize 2"
        + " --isconnectvalidatereq=true --validationmethod custom-validation"
        + " --validationclassname org.glassfish.api.jdbc.validation.PostgresConnectionValidation"
        + " --validateatmostonceperiod 30"
        + " --property "
        + props
        + " WaymarkPool";
  }

  private static List<String> templateLines(String resource) {
    try (InputStream in = PayaraDomain.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new LauncherException("Missing resource " + resource);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8)
          .lines()
          .map(String::strip)
          .filter(l -> !l.isEmpty() && !l.startsWith("#"))
          .toList();
    } catch (IOException e) {
      throw new LauncherException("Cannot read " + resource, e);
    }
  }

  private static String escape(String value) {
    return value.replace("\\", "\\\\").replace(":", "\\:").replace("=", "\\=");
  }

  private String fingerprint() {
    String inputs =
        String.join(
            "|",
            String.valueOf(httpPort()),
            settings.dbUrl(),
            settings.dbUser(),
            String.valueOf(settings.dbPassword().isPresent()),
            poolCommand(),
            HEAP,
            String.join("\n", templateLines("payara/setup.asadmin")),
            String.join("\n", templateLines("payara/listeners.asadmin")),
            // domains created before the admin password existed are created anew
            "admin:" + ADMIN_USER + ":password-file");
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(inputs.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file).trim();
    } catch (IOException e) {
      return "";
    }
  }

  private static void write(Path file, String content) {
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, content);
    } catch (IOException e) {
      throw new LauncherException("Cannot write " + file, e);
    }
  }
}
