package io.waymark.platform.health;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only while PostgreSQL answers. */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {

  static final String NAME = "waymark-database";

  @Override
  public HealthCheckResponse call() {
    return Probe.run(NAME, ReadinessProbes::database);
  }
}
