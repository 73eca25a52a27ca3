package io.waymark.scenarios.engine.control;

import io.waymark.platform.db.SqlFragment;
import io.waymark.platform.plugins.Param;
import jakarta.enterprise.context.Dependent;
import jakarta.json.JsonObject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

/**
 * {@code field:<code>}: a custom user field of type {@code date}, the event being 00:00 UTC of that
 * day; clearing the field takes the date away.
 */
@Dependent
public class DateFieldEvent implements DatedEvent {

  public static final String KEY = "field";

  @Override
  public String key() {
    return KEY;
  }

  @Override
  public String argument() {
    return "<code>";
  }

  @Override
  public String label() {
    return "Before the date of a custom field";
  }

  @Override
  public int order() {
    return 20;
  }

  @Override
  public List<Param> params() {
    return List.of();
  }

  @Override
  public List<String> problems(String argument, JsonObject options, References references) {
    Optional<String> type = references.userFieldType(argument);
    if (type.isEmpty()) {
      return List.of(
          "field:" + argument + ": no custom user field has the code '" + argument + "'");
    }
    return type.get().equals("date")
        ? List.of()
        : List.of("field:" + argument + ": the field is of type " + type.get() + ", not date");
  }

  @Override
  public String matchValue(String argument, JsonObject options) {
    return argument;
  }

  @Override
  public String matchParam() {
    return "field";
  }

  @Override
  public SqlFragment dates(String matchValue) {
    return new SqlFragment()
        .text("select id as user_id, cast(cast(fields ->> ")
        .bind(matchValue)
        .text(" as date) as timestamp) at time zone 'UTC' as event_at from users where fields ->> ")
        .bind(matchValue)
        .text(" is not null");
  }

  /** The event of a field value as the users store keeps it ({@code YYYY-MM-DD}), or null. */
  public static Instant at(Object value) {
    if (!(value instanceof String text)) {
      return null;
    }
    try {
      return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
