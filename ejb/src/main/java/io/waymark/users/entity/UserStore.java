package io.waymark.users.entity;

import io.waymark.platform.json.JsonSupport;
import io.waymark.platform.plugins.Source;
import io.waymark.users.boundary.UserChanged;
import io.waymark.users.boundary.UserRegistered;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.StringReader;
import java.math.BigDecimal;
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

  /** The prefix of a custom field's name in changes and stamps: {@code fields.<code>}. */
  public static final String CUSTOM = "fields.";

  public static Set<String> fields() {
    return FIELDS.keySet();
  }

  /** The user's custom field values. */
  public static JsonObject fields(User user) {
    try (var reader = JsonSupport.JSON.createReader(new StringReader(user.getFields()))) {
      return reader.readObject();
    }
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
    JsonObjectBuilder custom = null;
    for (var entry : changes.entrySet()) {
      String name = entry.getKey();
      if (name.startsWith(CUSTOM)) {
        if (custom == null) {
          custom = JsonSupport.JSON.createObjectBuilder(fields(user));
        }
        Object after = entry.getValue().after();
        if (after == null) {
          custom.remove(name.substring(CUSTOM.length()));
        } else {
          custom.add(name.substring(CUSTOM.length()), json(after));
        }
      } else {
        FIELDS.get(name).set().accept(user, entry.getValue().after());
      }
    }
    if (custom != null) {
      user.setFields(custom.build().toString());
    }
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

  /**
   * Replaces the user's password hash and stamps {@code password} in {@code field_changed_at}.
   * Credentials are not profile data: no {@link UserChanged} is fired, so no trigger, rule or sync
   * ever sees them (the hash is never logged nor sent).
   */
  public void password(User user, String passwordHash) {
    user.setPasswordHash(passwordHash);
    em.flush();
    em.createNativeQuery(
            "update users set field_changed_at = field_changed_at || jsonb_build_object('password', cast(?1 as text))"
                + " where id = ?2")
        .setParameter(1, clock.instant().toString())
        .setParameter(2, user.getId())
        .executeUpdate();
  }

  /**
   * A custom value as the store keeps it in Java: {@code String} (strings and dates), {@code
   * BigDecimal}, {@code Boolean}, or null.
   */
  static Object plain(JsonValue value) {
    if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
      return null;
    }
    if (value instanceof JsonString s) {
      return s.getString();
    }
    if (value instanceof JsonNumber n) {
      return n.bigDecimalValue();
    }
    return value == JsonValue.TRUE;
  }

  private static JsonValue json(Object value) {
    if (value instanceof BigDecimal n) {
      return JsonSupport.JSON.createValue(n);
    }
    if (value instanceof Boolean b) {
      return b ? JsonValue.TRUE : JsonValue.FALSE;
    }
    return JsonSupport.JSON.createValue(value.toString());
  }

  /** Equal values (numbers by value: 5 and 5.0 are one number). */
  private static boolean same(Object a, Object b) {
    return a instanceof BigDecimal x && b instanceof BigDecimal y
        ? x.compareTo(y) == 0
        : Objects.equals(a, b);
  }

  /**
   * What setting these values would change, in the order given: standard fields by name, custom
   * ones as {@code fields.<code>} (values as {@link #plain} gives them; null clears).
   */
  static Map<String, UserChanged.Change> changes(User user, Map<String, Object> values) {
    Map<String, UserChanged.Change> changes = new LinkedHashMap<>();
    JsonObject custom = null;
    for (var entry : values.entrySet()) {
      String name = entry.getKey();
      Object value = entry.getValue();
      Object before;
      if (name.startsWith(CUSTOM)) {
        custom = custom == null ? fields(user) : custom;
        before = plain(custom.get(name.substring(CUSTOM.length())));
      } else {
        Field field = FIELDS.get(name);
        if (field == null) {
          throw new IllegalArgumentException("not a user field: " + name);
        }
        before = field.get().apply(user);
      }
      if (!same(before, value)) {
        changes.put(name, new UserChanged.Change(before, value));
      }
    }
    return changes;
  }
}
