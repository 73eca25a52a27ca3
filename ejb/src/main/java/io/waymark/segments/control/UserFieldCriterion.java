package io.waymark.segments.control;

import io.waymark.platform.criteria.CompileContext;
import io.waymark.platform.criteria.Compiled;
import io.waymark.platform.criteria.CriterionPlugin;
import io.waymark.platform.criteria.Params;
import io.waymark.platform.criteria.SqlComparison;
import io.waymark.platform.db.SqlFragment;
import io.waymark.platform.plugins.Operator;
import io.waymark.platform.plugins.Param;
import io.waymark.platform.plugins.ValueType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonObject;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code user.field}: compares a user column with a value by the operators of SPEC §1, typed by the
 * column; columns come from a whitelist.
 */
@ApplicationScoped
public class UserFieldCriterion implements CriterionPlugin {

  private static final Map<String, ValueType> FIELDS =
      Map.of(
          "email",
          ValueType.STRING,
          "locale",
          ValueType.STRING,
          "public_name",
          ValueType.STRING,
          "active",
          ValueType.BOOLEAN,
          "created_at",
          ValueType.DATE_TIME,
          "confirmed_at",
          ValueType.DATE_TIME);

  /** Every operator but {@code exists}: a column is always there. */
  static final Set<Operator> OPERATORS = EnumSet.complementOf(EnumSet.of(Operator.EXISTS));

  @Override
  public String key() {
    return "user.field";
  }

  @Override
  public int order() {
    return 10;
  }

  @Override
  public String label() {
    return "User field";
  }

  /** The fields and their types, for tests and the docs. */
  public static Map<String, ValueType> fields() {
    return FIELDS;
  }

  @Override
  public List<Param> params() {
    return List.of(
        Param.choice("field", true, List.copyOf(new TreeSet<>(FIELDS.keySet())), "the user field"),
        Param.choice(
            "operator",
            true,
            Operator.keys(OPERATORS),
            "how to compare (each applies to the field types SPEC §1 gives it)"),
        Param.optional(
            "value", "any", "the value in the field's type (not for is_empty; an array for in)"));
  }

  @Override
  public Compiled compile(JsonObject json, String path, CompileContext context) {
    Params p = new Params(json, path, context);
    String field = p.oneOf("field", List.copyOf(new TreeSet<>(FIELDS.keySet())), true);
    Operator operator = p.operator("operator", OPERATORS, true);
    if (!p.ok()) {
      return null;
    }
    // the column name comes from the whitelist above, never from input
    SqlFragment sql =
        SqlComparison.of("u." + field, FIELDS.get(field), operator, p.raw("value"), p);
    return sql == null ? null : Compiled.sql(key(), json, sql);
  }
}
