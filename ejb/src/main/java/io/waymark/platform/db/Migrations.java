package io.waymark.platform.db;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import java.lang.System.Logger.Level;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * Brings the schema up to date before anything else starts; other startup beans {@code @DependsOn}
 * it.
 */
@Startup
@Singleton
@TransactionManagement(TransactionManagementType.BEAN)
public class Migrations {

  private static final System.Logger LOG = System.getLogger(Migrations.class.getName());

  @Resource(lookup = "java:comp/DefaultDataSource")
  DataSource dataSource;

  @PostConstruct
  void migrate() {
    var result =
        Flyway.configure(Migrations.class.getClassLoader())
            .dataSource(dataSource)
            .locations("classpath:db/migration")
            .load()
            .migrate();
    LOG.log(
        Level.INFO,
        "Database schema at version {0} ({1} migrations applied)",
        result.targetSchemaVersion,
        result.migrationsExecuted);
    grantSegmentsSandbox();
  }

  /**
   * The raw-SQL segments' login may exist only since an operator created it after the migrations
   * ran: its column grants (V18's function) are given at every start.
   */
  private void grantSegmentsSandbox() {
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("select segments_sandbox_grant()")) {
      if (rs.next() && !rs.getBoolean(1)) {
        LOG.log(
            Level.INFO,
            "No database role waymark_segments: raw-SQL segments are refused until an operator"
                + " creates it (README, production notes)");
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot grant the segments sandbox its columns", e);
    }
  }
}
