package io.waymark.platform.api;

import io.waymark.platform.error.WaymarkException;
import java.util.List;
import java.util.function.ToLongFunction;

/**
 * Keyset paging: {@code ?limit=} (default 50, max 1,000) and {@code ?after=<cursor>}; the cursor is
 * the last id.
 */
public record Paging(Long after, int limit) {

  public static final int DEFAULT_LIMIT = 50;
  public static final int MAX_LIMIT = 1000;

  public static Paging of(String limit, String after) {
    int size = DEFAULT_LIMIT;
    if (limit != null && !limit.isBlank()) {
      try {
        size = Integer.parseInt(limit.strip());
      } catch (NumberFormatException e) {
        throw WaymarkException.invalidInput("limit");
      }
      if (size < 1 || size > MAX_LIMIT) {
        throw WaymarkException.invalidInput("limit");
      }
    }
    Long cursor = null;
    if (after != null && !after.isBlank()) {
      try {
        cursor = Long.parseLong(after.strip());
      } catch (NumberFormatException e) {
        throw WaymarkException.invalidInput("after");
      }
    }
    return new Paging(cursor, size);
  }

  /** Asks for one row more than the page to know whether a next page exists. */
  public int fetchSize() {
    return limit + 1;
  }

  /**
   * {@code {"status":"ok","items":[...],"next":cursor|null}} from a list fetched with {@link
   * #fetchSize()}.
   */
  public <T> Json.Obj page(
      List<T> rows, ToLongFunction<T> id, java.util.function.Function<T, Object> json) {
    boolean more = rows.size() > limit;
    List<T> items = more ? rows.subList(0, limit) : rows;
    String next = more ? String.valueOf(id.applyAsLong(items.get(items.size() - 1))) : null;
    return Json.ok().put("items", items.stream().map(json).toList()).put("next", next);
  }
}
