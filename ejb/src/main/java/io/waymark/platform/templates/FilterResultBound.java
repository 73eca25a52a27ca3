package io.waymark.platform.templates;

import java.lang.reflect.Array;
import java.util.Collection;
import java.util.Map;

/**
 * An upper bound of the length of the string a filter is about to build, for the filters whose
 * single call can multiply its input ({@code replace}: every occurrence by a long value; {@code
 * join}: many references to one long string): checked before the filter runs, since the result
 * would fill the heap before the output limit saw it. Other filters: no bound (-1).
 */
final class FilterResultBound {

  private FilterResultBound() {}

  static long of(String filter, Object input, Map<String, Object> args) {
    return switch (filter) {
      case "replace" -> replaced(input, args.get("replace_pairs"));
      case "join" -> joined(input, args.get("separator"));
      default -> -1;
    };
  }

  private static long replaced(Object input, Object pairs) {
    if (input == null || !(pairs instanceof Map<?, ?> map)) {
      return -1;
    }
    long length = input.toString().length();
    for (Map.Entry<?, ?> pair : map.entrySet()) {
      long key = String.valueOf(pair.getKey()).length();
      long value = String.valueOf(pair.getValue()).length();
      // at most one occurrence per key length of text (an empty key: between every character)
      long occurrences = length / Math.max(1, key) + 1;
      length = saturated(length + saturated(occurrences * (double) value));
    }
    return length;
  }

  private static long joined(Object input, Object separator) {
    long each = separator == null ? 0 : separator.toString().length();
    long length = 0;
    if (input instanceof Collection<?> items) {
      for (Object item : items) {
        length = saturated(length + (double) lengthOf(item) + each);
      }
    } else if (input != null && input.getClass().isArray()) {
      for (int i = 0; i < Array.getLength(input); i++) {
        length = saturated(length + (double) lengthOf(Array.get(input, i)) + each);
      }
    } else {
      return -1;
    }
    return length;
  }

  private static long lengthOf(Object item) {
    if (item instanceof CharSequence text) {
      return text.length();
    }
    if (item instanceof Collection<?> nested) {
      // a list's text is at least its items' separators: counted by items, its strings by length
      return joined(nested, ", ") + 2;
    }
    return String.valueOf(item).length();
  }

  private static long saturated(double value) {
    return value >= Long.MAX_VALUE ? Long.MAX_VALUE : (long) value;
  }
}
