package io.waymark.goals.admin;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

/**
 * One property equality filter of an event goal as the form edits it: a key, a value typed as text,
 * and the type the value is meant to be. The boundary compares typed values ({@code "5"} does not
 * equal {@code 5}), so the type is chosen explicitly rather than guessed from the text.
 */
public class FilterRow implements Serializable {

  private static final long serialVersionUID = 1L;

  public static final String STRING = "string";
  public static final String NUMBER = "number";
  public static final String BOOLEAN = "boolean";
  public static final List<String> TYPES = List.of(STRING, NUMBER, BOOLEAN);

  private String key;
  private String type = STRING;
  private String value;

  public FilterRow() {}

  static FilterRow of(String key, Object value) {
    FilterRow row = new FilterRow();
    row.key = key;
    row.type = typeOf(value);
    row.value = value instanceof BigDecimal n ? n.toPlainString() : String.valueOf(value);
    return row;
  }

  static String typeOf(Object value) {
    if (value instanceof Number) {
      return NUMBER;
    }
    return value instanceof Boolean ? BOOLEAN : STRING;
  }

  boolean isBlank() {
    return (key == null || key.isBlank()) && (value == null || value.isEmpty());
  }

  /**
   * The value as the boundary takes it (String, BigDecimal or Boolean), or null with a problem
   * added when the text is not of the chosen type.
   */
  Object typed(List<String> problems) {
    String text = value == null ? "" : value;
    switch (type == null ? STRING : type) {
      case NUMBER -> {
        try {
          return new BigDecimal(text.strip());
        } catch (NumberFormatException e) {
          problems.add("Filter '" + key + "': '" + text + "' is not a number");
          return null;
        }
      }
      case BOOLEAN -> {
        String b = text.strip().toLowerCase(Locale.ROOT);
        if (b.equals("true") || b.equals("false")) {
          return Boolean.valueOf(b);
        }
        problems.add("Filter '" + key + "': '" + text + "' is not true or false");
        return null;
      }
      default -> {
        return text;
      }
    }
  }

  /**
   * The value as it reads in a page: strings quoted, numbers and booleans bare (as in the API's
   * JSON).
   */
  public String getShown() {
    return STRING.equals(type) ? "\"" + value + "\"" : value;
  }

  public String getKey() {
    return key;
  }

  public void setKey(String key) {
    this.key = key;
  }

  public String getType() {
    return type;
  }

  public void setType(String type) {
    this.type = type;
  }

  public String getValue() {
    return value;
  }

  public void setValue(String value) {
    this.value = value;
  }
}
