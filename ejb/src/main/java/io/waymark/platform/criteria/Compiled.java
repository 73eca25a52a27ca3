package io.waymark.platform.criteria;

import io.waymark.platform.db.SqlFragment;
import jakarta.json.JsonObject;
import java.util.List;

/**
 * A criterion (or a whole tree) compiled once per definition: {@link #bind} gives it a user and a
 * payload at run time, {@link #explain} tells the values it compared.
 */
public interface Compiled {

  Bound bind(Binding binding);

  List<Explained> explain(Binding binding);

  /** A criterion that is a fixed predicate over {@code u} whatever it is bound to. */
  static Compiled sql(String key, JsonObject params, SqlFragment predicate) {
    Bound bound = new Bound.Sql(new SqlFragment().text("(").append(predicate).text(")"));
    List<Explained> explained = List.of(new Explained(key, params, null, null));
    return new Compiled() {
      @Override
      public Bound bind(Binding binding) {
        return bound;
      }

      @Override
      public List<Explained> explain(Binding binding) {
        return explained;
      }
    };
  }
}
