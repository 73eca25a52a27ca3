package io.waymark.users.boundary;

import io.waymark.platform.error.FieldError;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import java.util.regex.Pattern;

/** Field rules for users: one place for the API and the console. */
public final class UserRules {

  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+");
  private static final Pattern LOCALE = Pattern.compile("[a-zA-Z]{2,3}([_-][a-zA-Z0-9]{2,8})*");
  public static final int MIN_PASSWORD = 8;

  private UserRules() {}

  public static void validate(NewUser u, List<FieldError> errors) {
    if (u.email() == null || u.email().isBlank()) {
      errors.add(new FieldError("email", "is required"));
    } else if (!EMAIL.matcher(u.email().strip()).matches() || u.email().length() > 255) {
      errors.add(new FieldError("email", "is not a valid email address"));
    }
    if (u.password() != null && u.password().length() < MIN_PASSWORD) {
      errors.add(new FieldError("password", "must have at least " + MIN_PASSWORD + " characters"));
    }
    length("first_name", u.firstName(), errors);
    length("last_name", u.lastName(), errors);
    length("public_name", u.publicName(), errors);
    if (u.locale() != null && !LOCALE.matcher(u.locale()).matches()) {
      errors.add(new FieldError("locale", "is not a locale such as 'en_US'"));
    }
    if (u.timezone() != null) {
      try {
        ZoneId.of(u.timezone());
      } catch (DateTimeException e) {
        errors.add(new FieldError("timezone", "is not a time zone such as 'Europe/Bratislava'"));
      }
    }
  }

  private static void length(String field, String value, List<FieldError> errors) {
    if (value != null && value.length() > 255) {
      errors.add(new FieldError(field, "must have at most 255 characters"));
    }
  }
}
