package io.waymark.users.entity;

import io.waymark.platform.json.JsonSupport;
import io.waymark.platform.plugins.Source;
import io.waymark.users.boundary.UserChanged;
import io.waymark.users.boundary.UserRegistered;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * The one write path of the users table (DESIGN §4a): creating a user fires {@link UserRegistered}
 * and changing fields fires {@link UserChanged} with their values before and after — both with the
 * write's {@link Source} — and stamps each changed field's time in {@code field_changed_at}. Values
 * arrive checked ({@code UserRules}); the store compares, writes and tells.
 */
@Dependent
public class UserStore {

  private record Field(Function<User, Object> get, BiConsumer<User, Object> set) {}

  /** The standard fields by their API names. */
  private static final Map<String, Field> FIELDS =
      Map.of(
          "email", new Field(User::getEmail, (u, v) -> u.setEmail((String) v)),
          "first_name", new Field(User::getFirstName, (u, v) -> u.setFirstName((String) v)),
          "last_name", new Field(User::getLastName, (u, v) -> u.setLastName((String) v)),
          "public_name", new Field(User::getPublicName, (u, v) -> u.setPublicName((String) v)),
          "locale", new Field(User::getLocale, (u, v) -> u.setLocale((String) v)),
          "timezone", new Field(User::getTimezone, (u, v) -> u.setTimezone((String) v)),
          "active", new Field(User::isActive, (u, v) -> u.setActive((Boolean) v)),
          "confirmed_at", new Field(User::getConfirmedAt, (u, v) -> u.setConfirmedAt((Instant) v)));

  @PersistenceContext EntityManager em;

  @Inject Clock clock;

  @Inject Event<UserRegistered> registered;

  @Inject Event<UserChanged> changed;

  public static Set<String> fields() {
    return FIELDS.keySet();
  }

  /**
   * Stores a new user (a unique-index conflict surfaces here, as a {@code PersistenceException})
   * and tells.
   */
  public void create(User user, Source source) {
    em.persist(user);
    em.flush();
    registered.fire(new UserRegistered(user.getId(), user.getEmail(), source));
  }

  /**
   * Sets these fields (API name → value; absent fields stay); what differs is written, stamped and
   * told. The changes, empty when nothing differed.
   */
  public Map<String, UserChanged.Change> change(
      User user, Map<String, Object> values, Source source) {
    Map<String, UserChanged.Change> changes = changes(user, values);
    if (changes.isEmpty()) {
      return changes;
    }
    changes.forEach((name, change) -> FIELDS.get(name).set().accept(user, change.after()));
    em.flush(); // an email taken meanwhile fails here, before anything is told
    String now = clock.instant().toString();
    JsonObjectBuilder stamps = JsonSupport.JSON.createObjectBuilder();
    changes.keySet().forEach(name -> stamps.add(name, now));
    em.createNativeQuery(
            "update users set field_changed_at = field_changed_at || cast(?1 as jsonb) where id = ?2")
        .setParameter(1, stamps.build().toString())
        .setParameter(2, user.getId())
        .executeUpdate();
    changed.fire(new UserChanged(user.getId(), changes, source));
    return changes;
  }

  /** What setting these values would change, in the order given. */
  static Map<String, UserChanged.Change> changes(User user, Map<String, Object> values) {
    Map<String, UserChanged.Change> changes = new LinkedHashMap<>();
    values.forEach(
        (name, value) -> {
          Field field = FIELDS.get(name);
          if (field == null) {
            throw new IllegalArgumentException("not a user field: " + name);
          }
          Object before = field.get().apply(user);
          if (!Objects.equals(before, value)) {
            changes.put(name, new UserChanged.Change(before, value));
          }
        });
    return changes;
  }
}
