package io.waymark.platform.plugins;

import jakarta.json.JsonNumber;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.Set;

/**
 * The types comparisons are made in (SPEC §1 "Operators"; custom fields add dates): a value is
 * converted to the field's type before it is compared; one that does not convert is refused at save
 * (for values typed by an operator) or compares false (for values found at run time).
 */
public enum ValueType {
  NUMBER(ordered(Operator.IN)),
  STRING(EnumSet.allOf(Operator.class)),
  DATE_TIME(ordered()),
  BOOLEAN(EnumSet.of(Operator.EQ, Operator.NE, Operator.IS_EMPTY, Operator.EXISTS)),
  /** A calendar date, {@code YYYY-MM-DD} (custom fields). */
  DATE(ordered());

  private final Set<Operator> operators;

  ValueType(Set<Operator> operators) {
    this.operators = operators;
  }

  /** The operators of an ordered type: comparisons, emptiness, presence, and {@code more}. */
  private static Set<Operator> ordered(Operator... more) {
    Set<Operator> operators =
        EnumSet.of(
            Operator.EQ,
            Operator.NE,
            Operator.LT,
            Operator.LTE,
            Operator.GT,
            Operator.GTE,
            Operator.IS_EMPTY,
            Operator.EXISTS);
    operators.addAll(java.util.List.of(more));
    return operators;
  }

  public boolean allows(Operator operator) {
    return operators.contains(operator);
  }

  /** As it is written in the parameter schemas: number, string, date_time, boolean. */
  public String key() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  /**
   * The JSON value in this type ({@link BigDecimal}, {@link String}, {@link Instant}, {@link
   * Boolean}), or null when it is absent, JSON null or does not convert. Numbers and booleans may
   * be written as strings (payloads often carry them so); a string is any scalar's text.
   */
  public Object convert(JsonValue value) {
    if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
      return null;
    }
    return switch (this) {
      case NUMBER -> number(value);
      case STRING -> text(value);
      case DATE_TIME -> value instanceof JsonString s ? time(s.getString()) : null;
      case BOOLEAN -> bool(value);
      case DATE -> value instanceof JsonString s ? date(s.getString()) : null;
    };
  }

  /**
   * The type a literal written at save time stands for: its JSON type, a string with an offset a
   * time.
   */
  public static ValueType of(JsonValue literal) {
    if (literal instanceof JsonNumber) {
      return NUMBER;
    }
    if (literal == JsonValue.TRUE || literal == JsonValue.FALSE) {
      return BOOLEAN;
    }
    if (literal instanceof JsonString s && time(s.getString()) != null) {
      return DATE_TIME;
    }
    return STRING;
  }

  /** The text of a scalar (numbers without trailing zeros), null for arrays and objects. */
  public static String text(JsonValue value) {
    if (value instanceof JsonString s) {
      return s.getString();
    }
    if (value instanceof JsonNumber n) {
      return n.isIntegral()
          ? n.bigIntegerValue().toString()
          : n.bigDecimalValue().stripTrailingZeros().toPlainString();
    }
    if (value == JsonValue.TRUE || value == JsonValue.FALSE) {
      return value.toString();
    }
    return null;
  }

  private static BigDecimal number(JsonValue value) {
    if (value instanceof JsonNumber n) {
      return n.bigDecimalValue();
    }
    if (value instanceof JsonString s) {
      try {
        return new BigDecimal(s.getString().trim());
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return null;
  }

  private static Boolean bool(JsonValue value) {
    if (value == JsonValue.TRUE || value == JsonValue.FALSE) {
      return value == JsonValue.TRUE;
    }
    if (value instanceof JsonString s) {
      return switch (s.getString()) {
        case "true" -> Boolean.TRUE;
        case "false" -> Boolean.FALSE;
        default -> null;
      };
    }
    return null;
  }

  /** A {@code YYYY-MM-DD} date in the years 1 to 9999, or null. */
  public static LocalDate date(String text) {
    try {
      LocalDate date = LocalDate.parse(text);
      return date.getYear() >= 1 && date.getYear() <= 9999 ? date : null;
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /**
   * An ISO-8601 time with offset in the years 1 to 9999, or null: PostgreSQL's timestamps end in
   * 294276, Java's go on to 999,999,999.
   */
  public static Instant time(String text) {
    try {
      OffsetDateTime time = OffsetDateTime.parse(text);
      int year = time.withOffsetSameInstant(ZoneOffset.UTC).getYear();
      return year >= 1 && year <= 9999 ? time.toInstant() : null;
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
