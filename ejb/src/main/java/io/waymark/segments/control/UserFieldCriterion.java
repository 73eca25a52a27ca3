package io.waymark.segments.control;

import io.waymark.platform.criteria.CompileContext;
import io.waymark.platform.criteria.Compiled;
import io.waymark.platform.criteria.CriterionPlugin;
import io.waymark.platform.criteria.Params;
import io.waymark.platform.criteria.SqlComparison;
import io.waymark.platform.criteria.Watch;
import io.waymark.platform.db.SqlFragment;
import io.waymark.platform.plugins.Operator;
import io.waymark.platform.plugins.Param;
import io.waymark.platform.plugins.ValueType;
import io.waymark.users.boundary.FieldDefinition;
import io.waymark.users.boundary.UserFields;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.util.ArrayList;
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

  /**
   * Every operator ({@code exists} is always true of a standard field, a column; a custom field
   * exists once it has a value).
   */
  static final Set<Operator> OPERATORS = EnumSet.allOf(Operator.class);

  /** The prefix of a custom field: {@code fields.<code>} (SPEC §8). */
  static final String CUSTOM = "fields.";

  /** The custom fields' definitions; absent outside a container (unit tests: standard fields). */
  @Inject Instance<UserFields> customFields;

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

  /** A custom field's value in its type, its code bound. */
  private static SqlFragment value(FieldDefinition custom) {
    SqlFragment raw = new SqlFragment().text("(u.fields ->> ").bind(custom.code()).text(")");
    return switch (custom.valueType()) {
      case NUMBER -> new SqlFragment().text("cast(").append(raw).text(" as numeric)");
      case DATE -> new SqlFragment().text("cast(").append(raw).text(" as date)");
      case BOOLEAN -> new SqlFragment().text("cast(").append(raw).text(" as boolean)");
      default -> raw;
    };
  }

  private Map<String, FieldDefinition> definitions() {
    return customFields == null || customFields.isUnsatisfied()
        ? Map.of()
        : customFields.get().byCode();
  }

  /** The standard fields, then the custom ones as {@code fields.<code>}. */
  private List<String> fieldNames() {
    List<String> names = new ArrayList<>(new TreeSet<>(FIELDS.keySet()));
    new TreeSet<>(definitions().keySet()).forEach(code -> names.add(CUSTOM + code));
    return names;
  }

  /** The fields and their types, for tests and the docs. */
  public static Map<String, ValueType> fields() {
    return FIELDS;
  }

  @Override
  public List<Param> params() {
    return List.of(
        Param.choice(
            "field",
            true,
            fieldNames(),
            "the user field: a standard one, or fields.<code> for a custom field"),
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
    String field = p.string("field", true);
    Operator operator = p.operator("operator", OPERATORS, true);
    if (!p.ok()) {
      return null;
    }
    SqlFragment sql;
    if (FIELDS.containsKey(field)) {
      // the column name comes from the whitelist above, never from input
      sql = SqlComparison.of("u." + field, FIELDS.get(field), operator, p.raw("value"), p);
    } else {
      FieldDefinition custom =
          field.startsWith(CUSTOM) ? definitions().get(field.substring(CUSTOM.length())) : null;
      if (custom == null) {
        p.error("field", "must be one of " + String.join(", ", fieldNames()));
        return null;
      }
      sql =
          SqlComparison.of(
              value(custom),
              new SqlFragment().text("jsonb_exists(u.fields, ").bind(custom.code()).text(")"),
              custom.valueType(),
              operator,
              p.raw("value"),
              p);
    }
    return sql == null ? null : Compiled.sql(key(), json, sql);
  }

  /** A change of the field (or a new user) can flip it. */
  @Override
  public java.util.Optional<Watch> watch(JsonObject params) {
    return params.get("field") instanceof jakarta.json.JsonString field
        ? java.util.Optional.of(new Watch.Field(field.getString()))
        : java.util.Optional.empty();
  }
}
