package io.waymark.platform.db;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import org.hibernate.query.TypedParameterValue;
import org.hibernate.type.StandardBasicTypes;

/** Helpers for native queries: reading times from result rows, binding values that may be null. */
public final class Sql {

  private Sql() {}

  public static Instant instant(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof Instant i) {
      return i;
    }
    if (value instanceof OffsetDateTime o) {
      return o.toInstant();
    }
    if (value instanceof Timestamp t) {
      return t.toInstant();
    }
    throw new IllegalStateException("Unexpected time type " + value.getClass());
  }

  /** A time that may be null, bound with its type so PostgreSQL does not have to guess it. */
  public static TypedParameterValue<Instant> nullable(Instant value) {
    return new TypedParameterValue<>(StandardBasicTypes.INSTANT, value);
  }

  /** A number that may be null, bound with its type. */
  public static TypedParameterValue<Long> nullable(Long value) {
    return new TypedParameterValue<>(StandardBasicTypes.LONG, value);
  }

  /** A text that may be null, bound with its type. */
  public static TypedParameterValue<String> nullable(String value) {
    return new TypedParameterValue<>(StandardBasicTypes.STRING, value);
  }
}
