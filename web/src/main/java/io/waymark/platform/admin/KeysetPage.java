package io.waymark.platform.admin;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToLongFunction;

/**
 * One page of a console list, paged by id (keyset): "next" asks for ids after the last row shown,
 * "previous" for the ids just before the first one. One row more than shown is fetched to know
 * whether another page follows; nothing is ever counted. Cursors come from the page's URL ({@code
 * ?after=} / {@code ?before=}), so pages are bookmarkable and the browser's back button works.
 */
public final class KeysetPage<T> implements Serializable {

  private static final long serialVersionUID = 1L;

  /** How a list reads its rows: both return rows in ascending id order. */
  public interface Source<T> {
    List<T> after(Long afterId, int limit);

    List<T> before(long beforeId, int limit);
  }

  private final List<T> items;
  private final boolean hasNext;
  private final boolean hasPrevious;
  private final Long nextCursor;
  private final Long previousCursor;
  private final String problem;

  private KeysetPage(
      List<T> items, boolean hasNext, boolean hasPrevious, Long nextCursor, Long previousCursor) {
    this(items, hasNext, hasPrevious, nextCursor, previousCursor, null);
  }

  private KeysetPage(
      List<T> items,
      boolean hasNext,
      boolean hasPrevious,
      Long nextCursor,
      Long previousCursor,
      String problem) {
    this.problem = problem;
    this.items = items;
    this.hasNext = hasNext;
    this.hasPrevious = hasPrevious;
    this.nextCursor = nextCursor;
    this.previousCursor = previousCursor;
  }

  /**
   * Loads the page the URL's cursors name; with a malformed cursor the first page is shown (see
   * {@link #getProblem}).
   */
  public static <T> KeysetPage<T> load(
      String after, String before, int size, Source<T> source, ToLongFunction<T> id) {
    Long afterId = cursor(after);
    Long beforeId = cursor(before);
    if ((afterId == null && after != null && !after.isBlank())
        || (beforeId == null && before != null && !before.isBlank())) {
      KeysetPage<T> first = load(null, null, size, source, id);
      return new KeysetPage<>(
          first.items,
          first.hasNext,
          false,
          first.nextCursor,
          null,
          "'"
              + (afterId == null && after != null && !after.isBlank() ? after : before)
              + "' is not a page position; showing the first page.");
    }
    if (beforeId != null) {
      List<T> rows = new ArrayList<>(source.before(beforeId, size + 1));
      if (rows.size() > size) {
        rows.remove(0);
        return of(rows, true, true, id);
      }
      // fewer rows than a page before the cursor: this is the start of the list, shown as a full
      // first page
    } else if (afterId != null) {
      List<T> rows = new ArrayList<>(source.after(afterId, size + 1));
      boolean more = trim(rows, size);
      KeysetPage<T> page = of(rows, more, true, id);
      return rows.isEmpty() ? new KeysetPage<>(rows, false, true, null, afterId + 1) : page;
    }
    List<T> rows = new ArrayList<>(source.after(null, size + 1));
    return of(rows, trim(rows, size), false, id);
  }

  private static <T> KeysetPage<T> of(
      List<T> rows, boolean hasNext, boolean hasPrevious, ToLongFunction<T> id) {
    Long first = rows.isEmpty() ? null : id.applyAsLong(rows.get(0));
    Long last = rows.isEmpty() ? null : id.applyAsLong(rows.get(rows.size() - 1));
    return new KeysetPage<>(
        List.copyOf(rows), hasNext && last != null, hasPrevious && first != null, last, first);
  }

  private static boolean trim(List<?> rows, int size) {
    if (rows.size() > size) {
      rows.subList(size, rows.size()).clear();
      return true;
    }
    return false;
  }

  private static Long cursor(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      long value = Long.parseLong(text.strip());
      if (value >= 0) {
        return value;
      }
    } catch (NumberFormatException e) {
      // not a position
    }
    return null;
  }

  /** What was wrong with the URL's cursor, for the page's messages; null when nothing was. */
  public String getProblem() {
    return problem;
  }

  public List<T> getItems() {
    return items;
  }

  public boolean isHasNext() {
    return hasNext;
  }

  public boolean isHasPrevious() {
    return hasPrevious;
  }

  public Long getNextCursor() {
    return nextCursor;
  }

  public Long getPreviousCursor() {
    return previousCursor;
  }
}
