package io.waymark.platform.admin;

import java.io.Serializable;
import java.util.List;

/**
 * A console list keyset-paged by id (GET parameters {@code after} and {@code before}, never an
 * offset or a count): a list bean says how to read the rows after and before an id; this holds the
 * parameters, loads the page and reports a bad parameter as a message.
 */
public abstract class KeysetList<T> implements Serializable {

  private static final long serialVersionUID = 1L;

  /** Rows per page of the console's lists. */
  public static final int PAGE_SIZE = 25;

  private String after;
  private String before;
  private KeysetPage<T> page;

  /**
   * Up to {@code limit} rows with ids above {@code afterId} (from the first when null), in
   * ascending id order.
   */
  protected abstract List<T> rowsAfter(Long afterId, int limit);

  /** Up to {@code limit} rows just below {@code beforeId}, in ascending id order. */
  protected abstract List<T> rowsBefore(long beforeId, int limit);

  protected abstract long id(T row);

  public void load() {
    page =
        KeysetPage.load(
            after,
            before,
            PAGE_SIZE,
            new KeysetPage.Source<>() {
              @Override
              public List<T> after(Long afterId, int limit) {
                return rowsAfter(afterId, limit);
              }

              @Override
              public List<T> before(long beforeId, int limit) {
                return rowsBefore(beforeId, limit);
              }
            },
            this::id);
    if (page.getProblem() != null) {
      Messages.error(page.getProblem());
    }
  }

  public KeysetPage<T> getPage() {
    return page;
  }

  public String getAfter() {
    return after;
  }

  public void setAfter(String after) {
    this.after = after;
  }

  public String getBefore() {
    return before;
  }

  public void setBefore(String before) {
    this.before = before;
  }
}
