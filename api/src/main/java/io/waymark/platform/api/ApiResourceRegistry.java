package io.waymark.platform.api;

import io.waymark.platform.api.Endpoint.Body;
import io.waymark.tokens.boundary.ApiResourceCatalog.Entry;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Every endpoint of the resource classes the application serves, with its method, path and
 * declaration ({@link EndpointDeclaration}). Two views of it: the named API resources (the list
 * tokens are granted from: {@link ApiResourcePublisher} hands it to {@code ApiResourceCatalog} in
 * the EJB module, which the API's own token endpoints and the console both read), and the body
 * format of a request's endpoint before JAX-RS matched it ({@link #bodyOf}, for {@link
 * ApiServletFilter}).
 */
public final class ApiResourceRegistry {

  /** One endpoint; {@code path} is the full one ({@code /api/v1/...}), {@code route} matches it. */
  record Route(String method, String path, Pattern route, EndpointDeclaration endpoint) {}

  private static final List<Route> ROUTES = scan(ApiApplication.RESOURCES);
  private static final List<Entry> ENTRIES = entries(ROUTES);

  /** The routes whose body is not JSON: the few the servlet filter must treat otherwise. */
  private static final List<Route> OTHER_BODIES =
      ROUTES.stream().filter(r -> !r.endpoint().takes(Body.JSON)).toList();

  private ApiResourceRegistry() {}

  /** The named API resources (API-token endpoints), sorted by name, path and method. */
  public static List<Entry> entries() {
    return ENTRIES;
  }

  /**
   * The body formats of the endpoint {@code method} and {@code path} (below the API's context root,
   * {@code /v1/...}) would reach; JSON for a JSON endpoint and for any path no endpoint has.
   */
  static Set<Body> bodyOf(String method, String path) {
    return bodyOf(OTHER_BODIES, method, path);
  }

  static Set<Body> bodyOf(List<Route> routes, String method, String path) {
    for (Route r : routes) {
      if (r.method().equals(method) && r.route().matcher(path).matches()) {
        return r.endpoint().body();
      }
    }
    return Set.of(Body.JSON);
  }

  static List<Route> scan(Set<Class<?>> classes) {
    List<Route> routes = new ArrayList<>();
    for (Class<?> type : classes) {
      Path base = type.getAnnotation(Path.class);
      if (base == null) {
        continue;
      }
      for (Method m : type.getMethods()) {
        String http = httpMethod(m);
        if (http == null) {
          continue;
        }
        Path sub = m.getAnnotation(Path.class);
        String relative = join(base.value(), sub == null ? "" : sub.value());
        routes.add(new Route(http, "/api" + relative, route(relative), EndpointDeclaration.of(m)));
      }
    }
    return List.copyOf(routes);
  }

  static List<Entry> entries(List<Route> routes) {
    List<Entry> entries = new ArrayList<>();
    for (Route r : routes) {
      if (r.endpoint().resource() != null) {
        entries.add(new Entry(r.endpoint().resource(), r.method(), r.path()));
        for (String extra : r.endpoint().also()) {
          entries.add(new Entry(extra, r.method(), r.path()));
        }
      }
    }
    entries.sort(
        Comparator.comparing(Entry::name).thenComparing(Entry::path).thenComparing(Entry::method));
    return List.copyOf(entries);
  }

  /** A path template as a pattern: each {@code {param}} one segment, a trailing slash allowed. */
  static Pattern route(String template) {
    StringBuilder regex = new StringBuilder();
    int at = 0;
    var params = Pattern.compile("\\{[^}]*}").matcher(template);
    while (params.find()) {
      regex.append(Pattern.quote(template.substring(at, params.start()))).append("[^/]+");
      at = params.end();
    }
    regex.append(Pattern.quote(template.substring(at))).append("/?");
    return Pattern.compile(regex.toString());
  }

  /** The HTTP method of a resource method, or null for a method that is no endpoint. */
  private static String httpMethod(Method m) {
    for (Annotation a : m.getAnnotations()) {
      HttpMethod http = a.annotationType().getAnnotation(HttpMethod.class);
      if (http != null) {
        return http.value();
      }
    }
    return null;
  }

  private static String join(String... parts) {
    StringBuilder path = new StringBuilder();
    for (String part : parts) {
      String p = part.replaceAll("^/+|/+$", "");
      if (!p.isEmpty()) {
        path.append('/').append(p);
      }
    }
    return path.toString();
  }
}
