package io.waymark.platform.health;

import java.util.function.Function;
import javax.naming.InitialContext;
import org.eclipse.microprofile.health.HealthCheckResponse;

/**
 * Runs one probe of the {@link ReadinessProbes} EJB and turns its outcome into a health check
 * response.
 */
final class Probe {

  private Probe() {}

  static HealthCheckResponse run(String name, Function<ReadinessProbes, String> probe) {
    String problem;
    try {
      // looked up on every call: a global name needs no naming context, and a redeploy never leaves
      // a stale proxy
      ReadinessProbes probes = InitialContext.doLookup(ReadinessProbes.JNDI_NAME);
      problem = probe.apply(probes);
    } catch (Exception e) { // not deployed (yet), or the probe itself failed
      problem = e.getClass().getSimpleName() + ": " + e.getMessage();
    }
    return problem == null
        ? HealthCheckResponse.named(name).up().build()
        : HealthCheckResponse.named(name).down().withData("error", problem).build();
  }
}
