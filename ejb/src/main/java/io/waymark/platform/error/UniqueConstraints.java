package io.waymark.platform.error;

import java.sql.SQLException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The unique constraints whose violation is the caller's conflict, not a bug: a {@code 23505}
 * (unique_violation) on one of them, wherever it surfaces (a flush, a commit, a native insert, two
 * requests racing past the check the code made first), is the 409 its feature answers for the
 * duplicate. A violation of any other constraint stays an incident.
 */
public final class UniqueConstraints {

  static final String UNIQUE_VIOLATION = "23505";

  private static final Pattern NAME = Pattern.compile("unique constraint \"([^\"]+)\"");

  /** Constraint name (PostgreSQL's default {@code <table>_<column>_key} or the index) → error. */
  private static final Map<String, Conflict> KNOWN =
      Map.of(
          "users_email_lower_uq", new Conflict("email_taken", "Email is already taken"),
          "onboarding_goals_code_key", new Conflict("code_taken", "Goal code is already taken"),
          "segments_code_key", new Conflict("code_taken", "Segment code is already taken"),
          "email_templates_code_key", new Conflict("code_taken", "Template code is already taken"));

  record Conflict(String code, String message) {}

  private UniqueConstraints() {}

  /** The 409 for a unique violation of a known constraint in the cause chain, if there is one. */
  public static Optional<WaymarkException> conflict(Throwable failure) {
    // a cause chain can be cyclic, and SQLExceptions chain further ones with getNextException
    Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    for (Throwable t = failure; t != null && seen.add(t); t = t.getCause()) {
      for (SQLException sql = t instanceof SQLException s ? s : null;
          sql != null && (sql == t || seen.add(sql));
          sql = sql.getNextException()) {
        Optional<WaymarkException> known = known(sql);
        if (known.isPresent()) {
          return known;
        }
      }
    }
    return Optional.empty();
  }

  /** The constraint a unique violation names, from the server's message. */
  static Optional<String> constraint(SQLException e) {
    if (!UNIQUE_VIOLATION.equals(e.getSQLState()) || e.getMessage() == null) {
      return Optional.empty();
    }
    Matcher m = NAME.matcher(e.getMessage());
    return m.find() ? Optional.of(m.group(1)) : Optional.empty();
  }

  private static Optional<WaymarkException> known(SQLException e) {
    return constraint(e).map(KNOWN::get).map(c -> WaymarkException.conflict(c.code(), c.message()));
  }
}
