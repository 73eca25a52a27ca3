package io.waymark.tokens.boundary;

import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The named API resources a token can be granted, with their method and path. The API's web module
 * reads them from its resource classes and publishes them here when it starts (the API and the
 * console are separate web modules, see ADR 0015), so the console offers exactly the names the API
 * enforces.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class ApiResourceCatalog {

  /** {@code users.create}, {@code POST}, {@code /api/v1/users}. */
  public record Entry(String name, String method, String path) {}

  private record Published(List<Entry> entries, Set<String> names) {}

  private volatile Published published;

  public void publish(List<Entry> entries) {
    Set<String> names = new LinkedHashSet<>();
    entries.forEach(e -> names.add(e.name()));
    published = new Published(List.copyOf(entries), Set.copyOf(names));
  }

  public List<Entry> entries() {
    return current().entries();
  }

  public Set<String> names() {
    return current().names();
  }

  private Published current() {
    Published p = published;
    if (p == null) {
      throw new IllegalStateException(
          "The API module has not published its resources: is waymark-api.war deployed?");
    }
    return p;
  }
}
