package io.waymark.platform.plugins;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The one operator vocabulary of SPEC §1, for criteria, conditions and rules. {@code neq} (stored
 * in early scenarios) is accepted as {@link #NE}. Semantics, in Java ({@link #test}) and — for the
 * criteria compiled to SQL — the same in SQL: comparisons are made in the field's {@link
 * ValueType}; string equality and {@code in} ignore case, {@code contains} is a case-insensitive
 * substring test on strings; {@code is_empty} is true for null and {@code ""}; {@code exists} is
 * true when the field is present (even empty); a comparison with null is false, {@code ne}
 * included.
 */
public enum Operator {
  EQ("eq"),
  NE("ne", "neq"),
  LT("lt"),
  LTE("lte"),
  GT("gt"),
  GTE("gte"),
  CONTAINS("contains"),
  IS_EMPTY("is_empty"),
  IN("in"),
  EXISTS("exists");

  private final String key;
  private final List<String> aliases;

  Operator(String key, String... aliases) {
    this.key = key;
    this.aliases = List.of(aliases);
  }

  public String key() {
    return key;
  }

  /** By key or alias. */
  public static Optional<Operator> of(String key) {
    return Arrays.stream(values())
        .filter(o -> o.key.equals(key) || o.aliases.contains(key))
        .findFirst();
  }

  public static List<String> keys(Collection<Operator> operators) {
    return operators.stream().map(Operator::key).toList();
  }

  /** Whether it compares with a value (an array for {@code in}). */
  public boolean takesValue() {
    return this != IS_EMPTY && this != EXISTS;
  }

  /** The SQL comparison of the ordering operators and equality ({@code =}, {@code <}, ...). */
  public String symbol() {
    return switch (this) {
      case EQ -> "=";
      case NE -> "<>";
      case LT -> "<";
      case LTE -> "<=";
      case GT -> ">";
      case GTE -> ">=";
      default -> throw new IllegalStateException(key + " is no comparison");
    };
  }

  /**
   * Evaluates in Java: {@code actual} converted to the type (null when absent, null or not
   * convertible), {@code present} whether the field is there at all, {@code empty} whether it is
   * null or {@code ""}; {@code expected} the converted value (a list for {@code in}).
   */
  public boolean test(Object actual, boolean present, boolean empty, Object expected) {
    return switch (this) {
      case EXISTS -> present;
      case IS_EMPTY -> empty;
      case IN ->
          actual != null
              && expected instanceof List<?> list
              && list.stream().anyMatch(e -> compare(actual, e) == 0);
      case CONTAINS ->
          actual instanceof String a
              && expected instanceof String e
              && a.toLowerCase(Locale.ROOT).contains(e.toLowerCase(Locale.ROOT));
      default -> {
        if (actual == null || expected == null) {
          yield false;
        }
        int c = compare(actual, expected);
        yield switch (this) {
          case EQ -> c == 0;
          case NE -> c != 0;
          case LT -> c < 0;
          case LTE -> c <= 0;
          case GT -> c > 0;
          default -> c >= 0;
        };
      }
    };
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static int compare(Object actual, Object expected) {
    if (actual instanceof String a && expected instanceof String e) {
      return a.equalsIgnoreCase(e) ? 0 : a.compareTo(e);
    }
    if (actual instanceof BigDecimal a && expected instanceof BigDecimal e) {
      return a.compareTo(e);
    }
    return ((Comparable) actual).compareTo(expected);
  }
}
