package io.waymark.segments.control;

import java.util.ArrayList;
import java.util.List;

/**
 * SQL text with {@code ?} placeholders and the values bound to them, in order. Criteria only ever
 * append fixed text chosen from a whitelist; every value a user typed goes into {@link #bind}.
 */
public final class SqlFragment {

  private final StringBuilder sql = new StringBuilder();
  private final List<Object> params = new ArrayList<>();

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
