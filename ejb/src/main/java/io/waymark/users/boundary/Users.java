package io.waymark.users.boundary;

import io.waymark.platform.error.FieldError;
import io.waymark.platform.error.WaymarkException;
import io.waymark.platform.plugins.Source;
import io.waymark.platform.security.PasswordHasher;
import io.waymark.users.entity.User;
import io.waymark.users.entity.UserRepository;
import io.waymark.users.entity.UserStore;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Creating, finding and listing users; roles are changed only by admins through the console. */
@Stateless
public class Users {

  @PersistenceContext EntityManager em;

  @Inject Clock clock;

  @Inject UserRepository repository;

  @Inject UserStore store;

  @Inject UserFields fields;

  /** A user created by an API caller. */
  public UserView create(NewUser command) {
    return create(command, Source.API);
  }

  public UserView create(NewUser command, Source source) {
    List<FieldError> errors = new ArrayList<>();
    UserRules.validate(command, errors);
    if (!errors.isEmpty()) {
      throw WaymarkException.payloadError(errors);
    }
    String email = command.email().strip();
    if (repository.byEmail(email).isPresent()) {
      throw emailTaken(email);
    }
    User user = new User(email, clock.instant());
    user.setFirstName(command.firstName());
    user.setLastName(command.lastName());
    user.setPublicName(command.publicName() != null ? command.publicName() : email);
    user.setLocale(command.locale());
    user.setTimezone(command.timezone());
    user.setActive(command.active() == null || command.active());
    if (command.password() != null) {
      user.setPasswordHash(PasswordHasher.hash(command.password()));
    }
    try {
      store.create(user, source);
    } catch (jakarta.persistence.PersistenceException e) {
      // a concurrent create won the unique index on lower(email)
      throw emailTaken(email);
    }
    return UserView.of(user);
  }

  public UserView find(long id) {
    return UserView.of(entity(id));
  }

  public UserView findByEmail(String email) {
    return repository
        .byEmail(email)
        .map(UserView::of)
        .orElseThrow(
            () ->
                WaymarkException.notFound(
                    "user_not_found", "user with email '" + email + "' not found"));
  }

  /**
   * Keyset page ordered by id; {@code emailPrefix} narrows to emails starting with it
   * (case-insensitive).
   */
  public List<UserView> page(Long afterId, int limit, String emailPrefix) {
    String where =
        "where u.id > :after"
            + (emailPrefix == null || emailPrefix.isBlank()
                ? ""
                : " and lower(u.email) like :prefix");
    var query =
        em.createQuery("select u from User u " + where + " order by u.id", User.class)
            .setParameter("after", afterId == null ? 0L : afterId)
            .setMaxResults(limit);
    if (emailPrefix != null && !emailPrefix.isBlank()) {
      query.setParameter(
          "prefix", escapeLike(emailPrefix.strip().toLowerCase(java.util.Locale.ROOT)) + "%");
    }
    return query.getResultList().stream().map(UserView::of).toList();
  }

  public UserView setRoles(long id, Collection<Role> roles) {
    User user = entity(id);
    user.getRoles().clear();
    roles.forEach(r -> user.getRoles().add(r.id()));
    return UserView.of(user);
  }

  public UserView setActive(long id, boolean active) {
    User user = entity(id);
    store.change(user, Map.of("active", active), Source.CONSOLE);
    return UserView.of(user);
  }

  /**
   * Applies a JSON Merge Patch of the standard fields (RFC 7396: {@code null} clears): 400 {@code
   * payload_error} naming each bad field and nothing changed; 409 {@code email_taken}; 409 {@code
   * contact_required} for a patch that would leave the user without an email (the phone number that
   * may replace it comes with SMS).
   */
  public UserView patch(long id, JsonObject patch, Source source) {
    List<FieldError> errors = new ArrayList<>();
    Map<String, Object> values =
        UserRules.patch(patch, patch.containsKey("fields") ? fields.byCode() : Map.of(), errors);
    if (!errors.isEmpty()) {
      throw WaymarkException.payloadError(errors);
    }
    User user = entity(id);
    if (values.containsKey("email")) {
      String email = (String) values.get("email");
      if (email == null) {
        throw new WaymarkException(
            409,
            "contact_required",
            "A user needs an email address or a phone number: user "
                + id
                + " has no phone number, so its email cannot be removed");
      }
      if (repository
          .byEmail(email)
          .filter(other -> !other.getId().equals(user.getId()))
          .isPresent()) {
        throw emailTaken(email);
      }
    }
    try {
      store.change(user, values, source);
    } catch (jakarta.persistence.PersistenceException e) {
      throw emailTaken((String) values.get("email")); // a concurrent write took it
    }
    return UserView.of(user);
  }

  /**
   * Marks the user confirmed now ({@code confirmed_at}); a user confirmed before keeps the first
   * time.
   */
  public UserView confirm(long id, Source source) {
    User user = entity(id);
    if (user.getConfirmedAt() == null) {
      store.change(user, Map.of("confirmed_at", clock.instant()), source);
    }
    return UserView.of(user);
  }

  /** Which of these ids are users: one query for a whole batch. */
  public Set<Long> existing(Collection<Long> ids) {
    if (ids.isEmpty()) {
      return Set.of();
    }
    List<?> rows =
        em.createNativeQuery("select id from users where id in (?1)")
            .setParameter(1, List.copyOf(ids))
            .getResultList();
    return rows.stream().map(r -> ((Number) r).longValue()).collect(Collectors.toSet());
  }

  /** The id of the user with this email (case-insensitive), if any. */
  public Optional<Long> idByEmail(String email) {
    return repository.byEmail(email).map(User::getId);
  }

  /** One indexed lookup, without loading the user (hot path of goal completion). */
  public boolean exists(long id) {
    return !em.createNativeQuery("select 1 from users where id = ?1")
        .setParameter(1, id)
        .getResultList()
        .isEmpty();
  }

  private User entity(long id) {
    return repository.byId(id).orElseThrow(() -> userNotFound(String.valueOf(id)));
  }

  /** A user id as a caller wrote it (a path segment): not a number is an unknown user (404). */
  public static long parseId(String id) {
    try {
      return Long.parseLong(id);
    } catch (NumberFormatException e) {
      throw userNotFound(id);
    }
  }

  public static WaymarkException userNotFound(String id) {
    return WaymarkException.notFound("user_not_found", "user with ID '" + id + "' not found");
  }

  private static WaymarkException emailTaken(String email) {
    return WaymarkException.conflict("email_taken", "Email '" + email + "' is already taken");
  }

  private static String escapeLike(String text) {
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }

  /**
   * The keyset page just before {@code beforeId} (the rows with the next smaller ids), in ascending
   * id order: the console's "previous page"; {@code emailPrefix} as in {@link #page}.
   */
  public List<UserView> pageBefore(long beforeId, int limit, String emailPrefix) {
    boolean filtered = emailPrefix != null && !emailPrefix.isBlank();
    var query =
        em.createQuery(
                "select u from User u where u.id < :before"
                    + (filtered ? " and lower(u.email) like :prefix" : "")
                    + " order by u.id desc",
                User.class)
            .setParameter("before", beforeId)
            .setMaxResults(limit);
    if (filtered) {
      query.setParameter(
          "prefix", escapeLike(emailPrefix.strip().toLowerCase(java.util.Locale.ROOT)) + "%");
    }
    List<UserView> page =
        new ArrayList<>(query.getResultList().stream().map(UserView::of).toList());
    java.util.Collections.reverse(page);
    return page;
  }

  /**
   * Sets a user's console roles and active flag together, in one transaction (the console's user
   * form).
   */
  public UserView changeAccess(long id, Collection<Role> roles, boolean active) {
    User user = entity(id);
    user.getRoles().clear();
    roles.forEach(r -> user.getRoles().add(r.id()));
    store.change(user, Map.of("active", active), Source.CONSOLE);
    return UserView.of(user);
  }
}
