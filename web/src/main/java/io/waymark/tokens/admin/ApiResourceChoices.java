package io.waymark.tokens.admin;

import io.waymark.tokens.boundary.ApiResourceCatalog;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The API resources a token can be granted, one choice per name with the endpoints it opens, from
 * the catalog the API publishes when it starts.
 */
@Named
@ApplicationScoped
public class ApiResourceChoices {

  /** {@code users.create} with {@code POST /api/v1/users}. */
  public record Choice(String name, String endpoints) {}

  @EJB ApiResourceCatalog catalog;

  private List<Choice> choices;

  @PostConstruct
  void build() {
    choices = choices(catalog.entries());
  }

  public List<Choice> getAll() {
    return choices;
  }

  /** The names the boundary accepts in a grant. */
  public Set<String> names() {
    return catalog.names();
  }

  private static List<Choice> choices(List<ApiResourceCatalog.Entry> entries) {
    Map<String, List<String>> endpoints = new LinkedHashMap<>();
    for (ApiResourceCatalog.Entry e : entries) {
      endpoints.computeIfAbsent(e.name(), n -> new ArrayList<>()).add(e.method() + " " + e.path());
    }
    return endpoints.entrySet().stream()
        .map(
            e ->
                new Choice(
                    e.getKey(), e.getValue().stream().distinct().collect(Collectors.joining(", "))))
        .toList();
  }
}
