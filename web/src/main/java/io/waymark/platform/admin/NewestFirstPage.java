package io.waymark.platform.admin;

import java.util.List;
import java.util.function.BiFunction;
import java.util.function.ToLongFunction;

/**
 * One page of a console list shown newest first, keyset-paged by id ({@code ?before=} the last id
 * shown gives the older page); a bad cursor is reported as a message and the newest page shown.
 * (The lists paged forward and back are {@link KeysetPage}.)
 */
public record NewestFirstPage<T>(List<T> items, boolean hasOlder, Long olderCursor) {

  /** No rows: what a list shows before it is loaded (a postback runs no view action). */
  public static <T> NewestFirstPage<T> empty() {
    return new NewestFirstPage<>(List.of(), false, null);
  }

  /**
   * Reads up to {@code size} rows below {@code before} ({@code rows}: cursor or null, limit →
   * newest first); {@code noun} names them in the message about a bad cursor.
   */
  public static <T> NewestFirstPage<T> load(
      String before,
      int size,
      BiFunction<Long, Integer, List<T>> rows,
      ToLongFunction<T> id,
      String noun) {
    Long cursor = null;
    if (before != null && !before.isBlank()) {
      try {
        cursor = Long.parseLong(before.strip());
      } catch (NumberFormatException e) {
        Messages.error("'" + before + "' is not a page position; showing the newest " + noun + ".");
      }
    }
    List<T> read = rows.apply(cursor, size + 1);
    boolean older = read.size() > size;
    List<T> items = older ? read.subList(0, size) : read;
    return new NewestFirstPage<>(
        items, older, items.isEmpty() ? null : id.applyAsLong(items.get(items.size() - 1)));
  }
}
