package io.waymark.platform.criteria;

import io.waymark.platform.db.SqlFragment;
import io.waymark.platform.plugins.Operator;
import io.waymark.platform.plugins.ValueType;
import jakarta.json.JsonArray;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The operators of SPEC §1 in SQL over one value expression of a known type, with the same
 * semantics as {@link Operator#test} (string equality and {@code in} ignore case, {@code contains}
 * is a case-insensitive substring test, {@code is_empty} is null or {@code ""}, a comparison with
 * null is not true). The expression is fixed text from a whitelist (a column) or a fragment whose
 * values are bound (a custom field's key); the value compared with is always bound.
 */
public final class SqlComparison {

  private SqlComparison() {}

  /** Over a whitelisted column such as {@code u.email}. */
  public static SqlFragment of(
      String column, ValueType type, Operator operator, JsonValue value, Params p) {
    return of(new SqlFragment().text(column), null, type, operator, value, p);
  }

  /**
   * Over an expression; {@code present} is the predicate {@code exists} tests (null: the expression
   * is a column, always present). The predicate, or null after reporting a problem with the value
   * or operator to {@code p}.
   */
  public static SqlFragment of(
      SqlFragment expression,
      SqlFragment present,
      ValueType type,
      Operator operator,
      JsonValue value,
      Params p) {
    if (!type.allows(operator)) {
      p.error("operator", "'" + operator.key() + "' does not apply to a " + type.key());
      return null;
    }
    boolean text = type == ValueType.STRING;
    switch (operator) {
      case EXISTS:
        return present == null ? new SqlFragment().text("true") : present;
      case IS_EMPTY:
        return text
            ? new SqlFragment().text("coalesce(").append(expression).text(", '') = ''")
            : new SqlFragment().append(expression).text(" is null");
      case IN:
        return in(expression, type, value, p);
      default:
        break;
    }
    Object v = type.convert(value);
    if (v == null || value instanceof JsonArray) {
      p.error("value", "must be a " + type.key() + example(type));
      return null;
    }
    if (operator == Operator.CONTAINS) {
      return new SqlFragment()
          .append(expression)
          .text(" ilike ")
          .bind("%" + escapeLike((String) v) + "%")
          .text(" escape '\\'");
    }
    boolean folded = text && (operator == Operator.EQ || operator == Operator.NE);
    return folded
        ? new SqlFragment()
            .text("lower(")
            .append(expression)
            .text(") " + operator.symbol() + " lower(")
            .bind(v)
            .text(")")
        : new SqlFragment().append(expression).text(" " + operator.symbol() + " ").bind(v);
  }

  private static SqlFragment in(SqlFragment expression, ValueType type, JsonValue value, Params p) {
    if (type != ValueType.STRING && type != ValueType.NUMBER
        || !(value instanceof JsonArray array)
        || array.isEmpty()) {
      p.error("value", "'in' takes a non-empty array of " + type.key() + "s");
      return null;
    }
    List<String> values = new ArrayList<>();
    for (JsonValue v : array) {
      Object converted = type.convert(v);
      if (converted == null) {
        p.error("value", "'in' takes a non-empty array of " + type.key() + "s");
        return null;
      }
      values.add(
          type == ValueType.STRING
              ? ((String) converted).toLowerCase(Locale.ROOT)
              : converted.toString());
    }
    return type == ValueType.STRING
        ? new SqlFragment()
            .text("lower(")
            .append(expression)
            .text(") = any(")
            .bind(values.toArray(new String[0]))
            .text(")")
        : new SqlFragment()
            .append(expression)
            .text(" = any(cast(")
            .bind(values.toArray(new String[0]))
            .text(" as numeric[]))");
  }

  private static String example(ValueType type) {
    return switch (type) {
      case DATE_TIME -> " (ISO-8601 with offset, e.g. 2026-01-31T00:00:00Z)";
      case DATE -> " (YYYY-MM-DD)";
      case BOOLEAN -> " (true or false)";
      default -> "";
    };
  }

  public static String escapeLike(String text) {
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }
}
