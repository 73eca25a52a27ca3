package io.waymark.segments.control;

import java.util.List;
import java.util.Locale;
import net.sf.jsqlparser.expression.Alias;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.select.ParenthesedSelect;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.select.SelectItem;
import net.sf.jsqlparser.statement.select.SetOperationList;
import net.sf.jsqlparser.statement.select.WithItem;

/**
 * The shape of an admin's raw segment SQL, read by a real SQL parser (JSqlParser): one plain SELECT
 * (or WITH … SELECT, UNION …) returning one column named {@code id}, writing and locking nothing. A
 * usability filter with clear messages, not the boundary: the text runs as the sandbox login
 * (read-only, a statement timeout, column grants, no server functions — {@link SegmentSandbox}),
 * which holds whatever a parser misses. That the {@code id} is an integer the database tells when
 * the SQL is test-planned ({@link SegmentSql#rawProblem}).
 */
public final class RawSql {

  /** The longest raw SQL accepted. */
  public static final int MAX_LENGTH = 20_000;

  private RawSql() {}

  /** Null when acceptable, else what is wrong. */
  public static String problem(String sql) {
    if (sql == null || sql.isBlank()) {
      return "is required";
    }
    if (sql.length() > MAX_LENGTH) {
      return "must have at most " + MAX_LENGTH + " characters";
    }
    List<Statement> statements;
    try {
      statements = CCJSqlParserUtil.newParser(sql).Statements();
    } catch (Exception e) {
      return "is not a SELECT Waymark can read: " + firstLine(e.getMessage());
    }
    if (statements.size() != 1) {
      return "must be a single statement";
    }
    if (!(statements.get(0) instanceof Select select)) {
      return "must be a SELECT of user ids (it only reads)";
    }
    return problem(select, true);
  }

  private static String problem(Select select, boolean top) {
    if (select.getWithItemsList() != null) {
      for (WithItem<?> with : select.getWithItemsList()) {
        if (!(with.getStatement() instanceof Select inner)) {
          return "must only read: its WITH queries must be SELECTs";
        }
        String problem = problem(inner, false);
        if (problem != null) {
          return problem;
        }
      }
    }
    if (select instanceof ParenthesedSelect parenthesed) {
      return problem(parenthesed.getSelect(), top);
    }
    if (select instanceof SetOperationList union) {
      for (int i = 0; i < union.getSelects().size(); i++) {
        String problem = problem(union.getSelects().get(i), top && i == 0);
        if (problem != null) {
          return problem;
        }
      }
      return null;
    }
    if (!(select instanceof PlainSelect plain)) {
      return "must be a SELECT of user ids";
    }
    if (plain.getIntoTables() != null && !plain.getIntoTables().isEmpty()) {
      return "must only read (no SELECT … INTO)";
    }
    if (plain.getForMode() != null || plain.getForUpdateTable() != null) {
      return "must only read (no FOR UPDATE / FOR SHARE)";
    }
    return top ? idColumnProblem(plain.getSelectItems()) : null;
  }

  private static String idColumnProblem(List<SelectItem<?>> items) {
    if (items == null || items.size() != 1) {
      return "must return exactly one column, named id (the user ids)";
    }
    SelectItem<?> item = items.get(0);
    Alias alias = item.getAlias();
    String name =
        alias != null
            ? alias.getName()
            : item.getExpression() instanceof Column column ? column.getColumnName() : null;
    if (name == null || !"id".equals(unquoted(name))) {
      return "must return one column named id (e.g. select u.id from users u where …), not " + item;
    }
    return null;
  }

  private static String unquoted(String name) {
    return name.startsWith("\"") && name.endsWith("\"") && name.length() > 1
        ? name.substring(1, name.length() - 1)
        : name.toLowerCase(Locale.ROOT);
  }

  private static String firstLine(String message) {
    if (message == null || message.isBlank()) {
      return "syntax error";
    }
    String line = message.strip().lines().findFirst().orElse(message);
    return line.length() > 200 ? line.substring(0, 200) + "…" : line;
  }

  public static String normalised(String sql) {
    String trimmed = sql.strip();
    return trimmed.endsWith(";") ? trimmed.substring(0, trimmed.length() - 1).strip() : trimmed;
  }
}
