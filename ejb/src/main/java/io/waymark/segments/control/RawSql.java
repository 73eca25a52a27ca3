package io.waymark.segments.control;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Shape checks of an admin's raw segment SQL before it is test-run in a read-only transaction: one
 * statement, a SELECT (or WITH … SELECT), no statement separators or comments that could hide a
 * second statement.
 */
public final class RawSql {

  private static final Pattern START =
      Pattern.compile("^\\s*(select|with)\\b", Pattern.CASE_INSENSITIVE);
  private static final Pattern FORBIDDEN =
      Pattern.compile(
          "\\b(insert|update|delete|merge|truncate|drop|alter|create|grant|revoke|copy|call|do|vacuum|lock|set|reset|listen|notify|refresh)\\b"
              + "|\\bfor\\s+(update|share|no\\s+key\\s+update|key\\s+share)\\b|pg_sleep|dblink|lo_import|lo_export",
          Pattern.CASE_INSENSITIVE);

  private RawSql() {}

  /** Null when acceptable, else what is wrong. */
  public static String problem(String sql) {
    if (sql == null || sql.isBlank()) {
      return "is required";
    }
    String trimmed = sql.strip();
    if (trimmed.endsWith(";")) {
      trimmed = trimmed.substring(0, trimmed.length() - 1);
    }
    if (trimmed.contains(";")) {
      return "must be a single statement";
    }
    if (trimmed.contains("--") || trimmed.contains("/*")) {
      return "must not contain comments";
    }
    if (!START.matcher(trimmed).find()) {
      return "must be a SELECT of user ids";
    }
    String withoutStrings = trimmed.replaceAll("'([^']|'')*'", "''").toLowerCase(Locale.ROOT);
    if (FORBIDDEN.matcher(withoutStrings).find()) {
      return "must only read (no data changes, locks or server functions)";
    }
    return null;
  }

  public static String normalised(String sql) {
    String trimmed = sql.strip();
    return trimmed.endsWith(";") ? trimmed.substring(0, trimmed.length() - 1).strip() : trimmed;
  }
}
