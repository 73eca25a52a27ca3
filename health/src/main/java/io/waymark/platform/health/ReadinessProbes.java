package io.waymark.platform.health;

/**
 * The EJB (in the EJB module) that checks the resources the application depends on, from inside the
 * application's own component context. Each method returns {@code null} when the resource answers,
 * else what went wrong.
 */
public interface ReadinessProbes {

  /**
   * Portable global name: application {@code waymark}, module {@code waymark-ejb}, bean {@code
   * ReadinessProbesBean}.
   */
  String JNDI_NAME =
      "java:global/waymark/waymark-ejb/ReadinessProbesBean!io.waymark.platform.health.ReadinessProbes";

  String database();

  String messaging();
}
