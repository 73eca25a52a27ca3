package io.waymark.segments.control;

import io.waymark.platform.db.SqlFragment;
import io.waymark.platform.error.WaymarkException;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import javax.sql.DataSource;

/**
 * Runs compiled segment SQL over JDBC: counts, membership checks, streaming with a server-side
 * cursor. The one executor of segment SQL: what holds an admin's raw text ({@link
 * SqlFragment#sandboxed()}) runs on the sandbox login's connections ({@link SegmentSandbox}),
 * outside any transaction; everything else on the application's.
 */
@Dependent
public class SegmentSql {

  private static final int FETCH = 1000;

  @Resource(lookup = "java:comp/DefaultDataSource")
  DataSource dataSource;

  @Inject SegmentSandbox sandbox;

  private <T> T on(SqlFragment sql, SegmentSandbox.Work<T> work) throws SQLException {
    if (sql.sandboxed()) {
      return sandbox.run(work);
    }
    try (Connection c = dataSource.getConnection()) {
      return work.apply(c);
    }
  }

  public long count(SqlFragment selectIds) {
    SqlFragment sql =
        new SqlFragment().text("select count(*) from (").append(selectIds).text(") s");
    try {
      return on(
          sql,
          c -> {
            try (PreparedStatement s = prepare(c, sql);
                ResultSet rs = s.executeQuery()) {
              rs.next();
              return rs.getLong(1);
            }
          });
    } catch (SQLException e) {
      throw new IllegalStateException("Segment count failed: " + e.getMessage(), e);
    }
  }

  public boolean contains(SqlFragment selectIds, long userId) {
    SqlFragment sql =
        new SqlFragment()
            .text("select exists (select 1 from (")
            .append(selectIds)
            .text(") s where s.id = ")
            .bind(userId)
            .text(")");
    try {
      return on(
          sql,
          c -> {
            try (PreparedStatement s = prepare(c, sql);
                ResultSet rs = s.executeQuery()) {
              rs.next();
              return rs.getBoolean(1);
            }
          });
    } catch (SQLException e) {
      throw new IllegalStateException("Segment check failed: " + e.getMessage(), e);
    }
  }

  /**
   * What a check statement ({@link CompiledChecks}) read: the definitions' version and the
   * membership.
   */
  public record CheckResult(long version, boolean member) {}

  /**
   * Runs a check statement for one user (an id or an email): one round trip, outside any
   * transaction.
   */
  public CheckResult check(SqlFragment statement, Object user) {
    try {
      return on(
          statement,
          c -> {
            try (PreparedStatement s = prepare(c, statement)) {
              s.setObject(statement.params().size() + 1, user); // the statement's last placeholder
              try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return new CheckResult(rs.getLong(1), rs.getBoolean(2));
              }
            }
          });
    } catch (SQLException e) {
      throw new IllegalStateException("Segment check failed: " + e.getMessage(), e);
    }
  }

  /**
   * Streams the members' ids and emails in id order; constant memory (a cursor fetching {@value
   * #FETCH} rows at a time).
   */
  public void stream(SqlFragment selectIds, MemberConsumer consumer) {
    SqlFragment sql =
        new SqlFragment()
            .text("select u.id, u.email from users u where u.id in (")
            .append(selectIds)
            .text(") order by u.id");
    try {
      on(
          sql,
          c -> {
            boolean autoCommit = c.getAutoCommit();
            if (autoCommit) {
              c.setAutoCommit(false); // PostgreSQL streams with a cursor only outside auto-commit
            }
            try (PreparedStatement s = prepare(c, sql)) {
              s.setFetchSize(FETCH);
              try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                  consumer.accept(rs.getLong(1), rs.getString(2));
                }
              }
            } finally {
              if (autoCommit) {
                c.rollback();
                c.setAutoCommit(true);
              }
            }
            return null;
          });
    } catch (SQLException e) {
      throw new IllegalStateException("Segment streaming failed: " + e.getMessage(), e);
    }
  }

  /**
   * One keyset page of members by id: above {@code afterId} ascending, or (with {@code beforeId})
   * just below it, descending. The pkey's order plus the segment's predicate as a semi-join: no
   * count, no offset.
   */
  public void page(
      SqlFragment selectIds, Long afterId, Long beforeId, int limit, MemberConsumer consumer) {
    SqlFragment sql =
        new SqlFragment()
            .text("select u.id, u.email from users u where u.id in (")
            .append(selectIds)
            .text(")");
    if (beforeId != null) {
      sql.text(" and u.id < ").bind(beforeId).text(" order by u.id desc");
    } else {
      sql.text(" and u.id > ").bind(afterId == null ? 0L : afterId).text(" order by u.id");
    }
    sql.text(" limit ").bind(limit);
    try {
      on(
          sql,
          c -> {
            try (PreparedStatement s = prepare(c, sql);
                ResultSet rs = s.executeQuery()) {
              while (rs.next()) {
                consumer.accept(rs.getLong(1), rs.getString(2));
              }
            }
            return null;
          });
    } catch (SQLException e) {
      throw new IllegalStateException("Segment member page failed: " + e.getMessage(), e);
    }
  }

  /** The members' ids, ascending (users that exist, each once), streamed into one array. */
  public long[] ids(SqlFragment selectIds) {
    long[][] ids = {new long[1024]};
    int[] size = {0};
    stream(
        selectIds,
        (id, email) -> {
          if (size[0] == ids[0].length) {
            ids[0] = java.util.Arrays.copyOf(ids[0], ids[0].length * 2);
          }
          ids[0][size[0]++] = id;
        });
    return java.util.Arrays.copyOf(ids[0], size[0]);
  }

  public interface MemberConsumer {
    void accept(long id, String email) throws SQLException;
  }

  /**
   * Test-plans raw SQL as the sandbox login (nothing is executed, but the database checks every
   * table, column and function right): its result must be one column {@code id} of integers.
   * Returns what is wrong, or null.
   */
  public String rawProblem(String raw) {
    SqlFragment probe = new SqlFragment().text("select * from (").rawSql(raw).text(") s limit 0");
    try {
      return on(
          probe,
          c -> {
            try (PreparedStatement s = c.prepareStatement(probe.sql());
                ResultSet rs = s.executeQuery()) {
              ResultSetMetaData meta = rs.getMetaData();
              if (meta.getColumnCount() != 1 || !"id".equals(meta.getColumnLabel(1))) {
                return "must return exactly one column, named id (the user ids)";
              }
              return switch (meta.getColumnType(1)) {
                case Types.BIGINT, Types.INTEGER, Types.SMALLINT -> null;
                default ->
                    "its id column must be an integer (the user ids), not "
                        + meta.getColumnTypeName(1);
              };
            }
          });
    } catch (WaymarkException e) {
      return e.getMessage();
    } catch (SQLException e) {
      return e.getMessage();
    }
  }

  static PreparedStatement prepare(Connection c, SqlFragment sql) throws SQLException {
    PreparedStatement s = c.prepareStatement(sql.sql());
    List<Object> params = sql.params();
    for (int i = 0; i < params.size(); i++) {
      Object p = params.get(i);
      if (p instanceof String[] array) {
        s.setArray(i + 1, c.createArrayOf("text", array));
      } else if (p instanceof Instant t) {
        s.setObject(i + 1, OffsetDateTime.ofInstant(t, ZoneOffset.UTC));
      } else {
        s.setObject(i + 1, p);
      }
    }
    return s;
  }
}
