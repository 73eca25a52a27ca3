package io.waymark.users.boundary;

import io.waymark.platform.plugins.Source;
import io.waymark.platform.security.PasswordHasher;
import io.waymark.platform.security.SecretTokens;
import io.waymark.users.entity.User;
import io.waymark.users.entity.UserRepository;
import io.waymark.users.entity.UserStore;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The first admin-console user: {@code waymark.bootstrap.admin-email} / {@code -password} when
 * configured; otherwise, while no admin exists, {@code admin@localhost} with a generated password
 * that is handed over once — through a private file in the data directory that the launcher prints
 * and deletes — and never logged.
 */
@Startup
@Singleton
@DependsOn("Migrations")
public class AdminBootstrap {

  private static final System.Logger LOG = System.getLogger(AdminBootstrap.class.getName());
  static final String DEFAULT_ADMIN = "admin@localhost";

  @PersistenceContext EntityManager em;

  @Inject Clock clock;

  @Inject UserRepository repository;

  @Inject UserStore store;

  @Inject
  @ConfigProperty(name = "waymark.bootstrap.admin-email")
  Optional<String> adminEmail;

  @Inject
  @ConfigProperty(name = "waymark.bootstrap.admin-password")
  Optional<String> adminPassword;

  @Inject
  @ConfigProperty(name = "waymark.data-dir")
  Optional<String> dataDir;

  @PostConstruct
  void ensureAdmin() {
    if (adminEmail.isPresent()) {
      User admin = repository.byEmail(adminEmail.get()).orElseGet(() -> create(adminEmail.get()));
      admin.getRoles().add(Role.ADMIN.id());
      store.change(admin, Map.of("active", true), Source.SYSTEM);
      adminPassword
          .filter(p -> !PasswordHasher.verify(p, admin.getPasswordHash()))
          .ifPresent(p -> store.password(admin, PasswordHasher.hash(p)));
      LOG.log(Level.INFO, "Bootstrap admin-console user: {0}", admin.getEmail());
      return;
    }
    Long admins =
        em.createQuery("select count(u) from User u join u.roles r where r = 'admin'", Long.class)
            .getSingleResult();
    if (admins > 0) {
      return;
    }
    String password = SecretTokens.generate("").substring(0, 20);
    User admin = repository.byEmail(DEFAULT_ADMIN).orElseGet(() -> create(DEFAULT_ADMIN));
    admin.getRoles().add(Role.ADMIN.id());
    store.password(admin, PasswordHasher.hash(password));
    handOver("Admin console login: " + DEFAULT_ADMIN + " / " + password);
  }

  private User create(String email) {
    User user = new User(email, clock.instant());
    user.setPublicName(email);
    store.create(user, Source.SYSTEM);
    return user;
  }

  private void handOver(String secretLine) {
    if (dataDir.isPresent()) {
      Path file = Path.of(dataDir.get(), "initial-admin-password");
      try {
        Files.deleteIfExists(file);
        Files.createFile(
            file,
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(
            file, secretLine + "\n", StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
        LOG.log(
            Level.WARNING,
            "Created admin-console user {0}; its generated password is in {1} (shown once by the launcher)",
            DEFAULT_ADMIN,
            file);
        return;
      } catch (IOException | UnsupportedOperationException e) {
        LOG.log(Level.WARNING, "Cannot write {0}: {1}", file, e.getMessage());
      }
    }
    // no data directory: the console (standard output) is the only place left to show it once
    System.out.println(
        "*** Waymark: "
            + secretLine
            + " (set waymark.bootstrap.admin-email/-password to choose it) ***");
  }
}
