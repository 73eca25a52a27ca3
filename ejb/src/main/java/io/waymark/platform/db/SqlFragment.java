package io.waymark.platform.db;

import java.util.ArrayList;
import java.util.List;

/**
 * SQL text with {@code ?} placeholders and the values bound to them, in order. Criteria only ever
 * append fixed text chosen from a whitelist; every value a user typed goes into {@link #bind}.
 *
 * <p>The one exception is an admin's raw segment SQL, added by {@link #rawSql}: a fragment holding
 * it (or built from one that does) is {@linkplain #sandboxed() sandboxed}, and {@link SegmentSql}
 * runs it only as the sandbox login ({@link SegmentSandbox}), never as the application.
 */
public final class SqlFragment {

  private final StringBuilder sql = new StringBuilder();
  private final List<Object> params = new ArrayList<>();
  private boolean sandboxed;

  /** The stored text of a raw-SQL segment: whatever reads it runs as the sandbox login. */
  public SqlFragment rawSql(String raw) {
    sql.append(raw);
    sandboxed = true;
    return this;
  }

  /** Whether this SQL holds an admin's raw text and may only run as the sandbox login. */
  public boolean sandboxed() {
    return sandboxed;
  }

  public SqlFragment text(String fixed) {
    sql.append(fixed);
    return this;
  }

  public SqlFragment bind(Object value) {
    sql.append('?');
    params.add(value);
    return this;
  }

  public SqlFragment append(SqlFragment other) {
    sql.append(other.sql);
    params.addAll(other.params);
    sandboxed |= other.sandboxed;
    return this;
  }

  public String sql() {
    return sql.toString();
  }

  public List<Object> params() {
    return List.copyOf(params);
  }

  @Override
  public String toString() {
    return sql + " " + params;
  }
}
