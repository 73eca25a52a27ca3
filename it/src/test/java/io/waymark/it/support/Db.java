package io.waymark.it.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Direct JDBC access to the application's PostgreSQL, to check what was (not) stored. */
public final class Db {

  private static final String URL =
      System.getProperty("it.jdbc-url", "jdbc:postgresql://127.0.0.1:28432/waymark");

  private Db() {}

  public static List<List<Object>> query(String sql, Object... params) {
    try (Connection c = DriverManager.getConnection(URL, "waymark", "waymark");
        PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        s.setObject(i + 1, params[i]);
      }
      List<List<Object>> rows = new ArrayList<>();
      try (ResultSet rs = s.executeQuery()) {
        int columns = rs.getMetaData().getColumnCount();
        while (rs.next()) {
          List<Object> row = new ArrayList<>();
          for (int i = 1; i <= columns; i++) {
            row.add(rs.getObject(i));
          }
          rows.add(row);
        }
      }
      return rows;
    } catch (SQLException e) {
      throw new AssertionError(e);
    }
  }

  public static Object single(String sql, Object... params) {
    List<List<Object>> rows = query(sql, params);
    if (rows.size() != 1) {
      throw new AssertionError("expected one row, got " + rows.size() + " for " + sql);
    }
    return rows.get(0).get(0);
  }

  public static int update(String sql, Object... params) {
    try (Connection c = DriverManager.getConnection(URL, "waymark", "waymark");
        PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        s.setObject(i + 1, params[i]);
      }
      return s.executeUpdate();
    } catch (SQLException e) {
      throw new AssertionError(e);
    }
  }
}
