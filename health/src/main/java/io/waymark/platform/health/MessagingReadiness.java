package io.waymark.platform.health;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only while the JMS broker accepts connections and the application's queue is there. */
@Readiness
@ApplicationScoped
public class MessagingReadiness implements HealthCheck {

  static final String NAME = "waymark-messaging";

  @Override
  public HealthCheckResponse call() {
    return Probe.run(NAME, ReadinessProbes::messaging);
  }
}
