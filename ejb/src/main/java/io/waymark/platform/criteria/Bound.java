package io.waymark.platform.criteria;

import io.waymark.platform.db.SqlFragment;

/**
 * A criterion bound to a user and payload: decided in Java already, or a predicate over the users
 * row {@code u} for the database to decide.
 */
public sealed interface Bound {

  record Decided(boolean value) implements Bound {}

  record Sql(SqlFragment predicate) implements Bound {}

  Bound TRUE = new Decided(true);
  Bound FALSE = new Decided(false);

  static Bound of(boolean value) {
    return value ? TRUE : FALSE;
  }

  /** As SQL (a decided value is the literal). */
  default SqlFragment predicate() {
    return this instanceof Sql s
        ? s.predicate()
        : new SqlFragment().text(((Decided) this).value() ? "true" : "false");
  }
}
