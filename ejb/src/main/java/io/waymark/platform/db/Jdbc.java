package io.waymark.platform.db;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * Plain JDBC on the application's data source, for hot paths where the ORM costs more than the SQL
 * (ADR 0006). Runs in the caller's JTA transaction when there is one: the container hands out that
 * transaction's connection. Parameters: {@link Instant} is bound as {@code timestamptz}, {@code
 * null} lets PostgreSQL infer the type.
 */
@ApplicationScoped
public class Jdbc {

  /** Maps the current row of a result set. */
  @FunctionalInterface
  public interface Row<T> {
    T map(ResultSet rs) throws SQLException;
  }

  @Resource(lookup = "java:comp/DefaultDataSource")
  DataSource dataSource;

  public <T> List<T> list(String sql, Row<T> row, Object... params) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = prepare(c, sql, params);
        ResultSet rs = s.executeQuery()) {
      List<T> result = new ArrayList<>();
      while (rs.next()) {
        result.add(row.map(rs));
      }
      return result;
    } catch (SQLException e) {
      throw new DataAccessException(sql, e);
    }
  }

  public <T> Optional<T> first(String sql, Row<T> row, Object... params) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = prepare(c, sql, params);
        ResultSet rs = s.executeQuery()) {
      return rs.next() ? Optional.ofNullable(row.map(rs)) : Optional.empty();
    } catch (SQLException e) {
      throw new DataAccessException(sql, e);
    }
  }

  public int update(String sql, Object... params) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = prepare(c, sql, params)) {
      return s.executeUpdate();
    } catch (SQLException e) {
      throw new DataAccessException(sql, e);
    }
  }

  /**
   * Ids as an SQL list ({@code 1,2,3}) for {@code in (…)}: numbers only, never user input, written
   * into the text.
   */
  public static String idList(Collection<Long> ids) {
    return ids.stream().map(String::valueOf).collect(Collectors.joining(","));
  }

  /**
   * Ids as a PostgreSQL array literal ({@code {1,2,3}}), bound as one parameter and read with
   * {@code ?::bigint[]}.
   */
  public static String idArray(Collection<Long> ids) {
    return ids.stream().map(String::valueOf).collect(Collectors.joining(",", "{", "}"));
  }

  public static Instant instant(ResultSet rs, int column) throws SQLException {
    OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }

  private static PreparedStatement prepare(Connection c, String sql, Object... params)
      throws SQLException {
    PreparedStatement s = c.prepareStatement(sql);
    try {
      for (int i = 0; i < params.length; i++) {
        Object p = params[i];
        if (p instanceof String[] array) {
          s.setArray(i + 1, c.createArrayOf("text", array));
        } else {
          s.setObject(
              i + 1,
              p instanceof Instant instant ? OffsetDateTime.ofInstant(instant, ZoneOffset.UTC) : p);
        }
      }
      return s;
    } catch (SQLException | RuntimeException e) {
      s.close();
      throw e;
    }
  }

  /**
   * A failed statement: a server error (500), with the SQL state kept for callers that expect some.
   */
  public static final class DataAccessException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String sqlState;

    DataAccessException(String sql, SQLException cause) {
      super(
          "SQL failed (" + cause.getSQLState() + "): " + cause.getMessage() + " -- " + sql.strip(),
          cause);
      this.sqlState = cause.getSQLState();
    }

    public String sqlState() {
      return sqlState;
    }
  }
}
