/**
 * MicroProfile Health checks. They live in an EAR library (lib/), not in the WAR or the EJB jar:
 * WildFly's MicroProfile Health only finds check beans in the EAR's top-level bean archives (lib/),
 * and calls them on a management thread without the application's naming context. So the checks
 * hold no injected resources; they reach the database and the broker through the {@link
 * io.waymark.platform.health.ReadinessProbes} EJB, looked up by its portable {@code java:global}
 * name, which works on any thread of either server.
 */
package io.waymark.platform.health;
