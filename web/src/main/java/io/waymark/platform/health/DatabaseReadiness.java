package io.waymark.platform.health;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only while PostgreSQL answers. */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {

  @Resource(lookup = "java:comp/DefaultDataSource")
  DataSource dataSource;

  @Override
  public HealthCheckResponse call() {
    try (Connection c = dataSource.getConnection(); var s = c.createStatement()) {
      s.setQueryTimeout(5);
      s.execute("select 1");
      return HealthCheckResponse.named("waymark-database").up().build();
    } catch (Exception e) {
      return HealthCheckResponse.named("waymark-database").down().withData("error", String.valueOf(e.getMessage())).build();
    }
  }
}
