package io.waymark.platform.criteria;

import io.waymark.platform.db.SqlFragment;
import java.util.ArrayList;
import java.util.List;

/**
 * AND / OR / NOT over compiled nodes. Binding folds what is decided already (a false node decides
 * an AND, a true one an OR), so a condition over the payload alone never reaches the database.
 */
record CompiledGroup(Criteria.Op op, List<Compiled> nodes) implements Compiled {

  @Override
  public Bound bind(Binding binding) {
    if (op == Criteria.Op.NOT) {
      Bound inner = nodes.get(0).bind(binding);
      return inner instanceof Bound.Decided d
          ? Bound.of(!d.value())
          : new Bound.Sql(
              new SqlFragment().text("(not coalesce(").append(inner.predicate()).text(", false))"));
    }
    boolean and = op == Criteria.Op.AND;
    List<SqlFragment> open = new ArrayList<>();
    for (Compiled node : nodes) {
      Bound bound = node.bind(binding);
      if (bound instanceof Bound.Decided d) {
        if (d.value() != and) {
          return d; // false in an AND, true in an OR
        }
      } else {
        open.add(bound.predicate());
      }
    }
    if (open.isEmpty()) {
      return Bound.of(and);
    }
    SqlFragment out = new SqlFragment().text("(");
    for (int i = 0; i < open.size(); i++) {
      out.text(i == 0 ? "" : and ? " and " : " or ").append(open.get(i));
    }
    return new Bound.Sql(out.text(")"));
  }

  @Override
  public List<Explained> explain(Binding binding) {
    List<Explained> all = new ArrayList<>();
    nodes.forEach(n -> all.addAll(n.explain(binding)));
    return all;
  }
}
