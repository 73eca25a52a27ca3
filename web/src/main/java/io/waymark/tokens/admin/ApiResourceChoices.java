package io.waymark.tokens.admin;

import io.waymark.platform.api.ApiResourceRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** The API resources a token can be granted, one choice per name with the endpoints it opens, from the registry. */
@Named
@ApplicationScoped
public class ApiResourceChoices {

  /** {@code users.create} with {@code POST /api/v1/users}. */
  public record Choice(String name, String endpoints) {}

  private final List<Choice> choices = build();

  public List<Choice> getAll() {
    return choices;
  }

  /** The names the boundary accepts in a grant. */
  public Set<String> names() {
    return ApiResourceRegistry.names();
  }

  private static List<Choice> build() {
    Map<String, List<String>> endpoints = new LinkedHashMap<>();
    for (ApiResourceRegistry.Entry e : ApiResourceRegistry.entries()) {
      endpoints.computeIfAbsent(e.name(), n -> new ArrayList<>()).add(e.method() + " " + e.path());
    }
    return endpoints.entrySet().stream()
        .map(e -> new Choice(e.getKey(), e.getValue().stream().distinct().collect(Collectors.joining(", "))))
        .toList();
  }
}
