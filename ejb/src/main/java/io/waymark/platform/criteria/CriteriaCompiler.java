package io.waymark.platform.criteria;

import io.waymark.platform.db.SqlFragment;
import io.waymark.platform.plugins.Plugins;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;

/**
 * The criteria registry (every {@link CriterionPlugin} bean) and the compiler of criteria trees: a
 * tree compiles once into a {@link Compiled} whose binding folds what Java decides and leaves one
 * parameterised predicate over the users table aliased {@code u} for the rest. Unknown keys,
 * criteria not offered where they are used and invalid parameters are reported with the node's
 * path.
 */
@ApplicationScoped
public class CriteriaCompiler extends Plugins<CriterionPlugin> {

  /** For CDI. */
  protected CriteriaCompiler() {}

  /** A compiler over these criteria (unit tests, tools). */
  public CriteriaCompiler(Iterable<? extends CriterionPlugin> criteria) {
    use(criteria);
  }

  @Inject
  void discover(@Any Instance<CriterionPlugin> criteria) {
    use(criteria);
  }

  /** The criteria offered where they are used, in key order. */
  public List<CriterionPlugin> offered(CriterionPlugin.Use use) {
    return all().stream().filter(c -> c.uses().contains(use)).toList();
  }

  /** Parses and compiles; null when {@code context} received errors. */
  public Compiled compile(JsonValue json, String path, CompileContext context) {
    Criteria criteria = CriteriaParser.parse(json, path, context);
    return criteria == null ? null : compile(criteria, path, context);
  }

  /** The compiled tree, or null when {@code context} received errors. */
  public Compiled compile(Criteria criteria, String path, CompileContext context) {
    context.compiler(this);
    if (criteria instanceof Criteria.Criterion c) {
      CriterionPlugin plugin = find(c.key()).orElse(null);
      if (plugin == null || !plugin.uses().contains(context.use())) {
        context.error(
            CriteriaParser.at(path, "key"),
            (plugin == null ? "unknown criterion '" : "criterion not offered here: '")
                + c.key()
                + "'");
        return null;
      }
      return plugin.compile(c.params(), CriteriaParser.at(path, "params"), context);
    }
    Criteria.Group group = (Criteria.Group) criteria;
    List<Compiled> nodes = new ArrayList<>();
    boolean failed = false;
    for (int i = 0; i < group.nodes().size(); i++) {
      Compiled node =
          compile(group.nodes().get(i), CriteriaParser.at(path, "nodes[" + i + "]"), context);
      failed |= node == null;
      nodes.add(node);
    }
    return failed ? null : new CompiledGroup(group.op(), List.copyOf(nodes));
  }

  /** The predicate of a segment's tree (no user, no payload), or null after errors. */
  public SqlFragment predicate(Criteria criteria, String path, CompileContext context) {
    Compiled compiled = compile(criteria, path, context);
    return compiled == null ? null : compiled.bind(Binding.NONE).predicate();
  }

  /** {@code select u.id from users u where <predicate>}, or null after errors. */
  public SqlFragment selectIds(Criteria criteria, String path, CompileContext context) {
    SqlFragment predicate = predicate(criteria, path, context);
    return predicate == null ? null : selectIds(predicate);
  }

  public static SqlFragment selectIds(SqlFragment predicate) {
    return new SqlFragment().text("select u.id from users u where ").append(predicate);
  }

  /**
   * What can flip the tree for a user between recounts: the watches of its criteria that name
   * theirs (the others flip only by a recount), in the tree's order, without repeats.
   */
  public List<Watch> watches(Criteria criteria) {
    java.util.LinkedHashSet<Watch> watches = new java.util.LinkedHashSet<>();
    collect(criteria, watches);
    return List.copyOf(watches);
  }

  private void collect(Criteria criteria, java.util.Set<Watch> watches) {
    if (criteria instanceof Criteria.Group group) {
      group.nodes().forEach(node -> collect(node, watches));
    } else if (criteria instanceof Criteria.Criterion c) {
      find(c.key())
          .flatMap(
              plugin ->
                  plugin.watch(
                      c.params() == null ? jakarta.json.JsonValue.EMPTY_JSON_OBJECT : c.params()))
          .ifPresent(watches::add);
    }
  }
}
