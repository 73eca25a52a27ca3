package io.waymark.platform.api;

import io.waymark.tokens.boundary.ApiResourceCatalog.Entry;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Every named API resource with its method and path, read from the resource classes the application
 * serves: the list tokens are granted from. {@link ApiResourcePublisher} hands it to {@code
 * ApiResourceCatalog} in the EJB module, which the API's own token endpoints and the console both
 * read.
 */
public final class ApiResourceRegistry {

  private static final List<Entry> ENTRIES = scan(ApiApplication.RESOURCES);

  private ApiResourceRegistry() {}

  public static List<Entry> entries() {
    return ENTRIES;
  }

  static List<Entry> scan(Set<Class<?>> classes) {
    List<Entry> entries = new ArrayList<>();
    for (Class<?> type : classes) {
      Path base = type.getAnnotation(Path.class);
      if (base == null) {
        continue;
      }
      for (Method m : type.getMethods()) {
        ApiResource resource = m.getAnnotation(ApiResource.class);
        if (resource == null) {
          continue;
        }
        Path sub = m.getAnnotation(Path.class);
        String path = join("/api", base.value(), sub == null ? "" : sub.value());
        entries.add(new Entry(resource.value(), httpMethod(m), path));
        for (String extra : resource.also()) {
          entries.add(new Entry(extra, httpMethod(m), path));
        }
      }
    }
    entries.sort(
        Comparator.comparing(Entry::name).thenComparing(Entry::path).thenComparing(Entry::method));
    return List.copyOf(entries);
  }

  private static String httpMethod(Method m) {
    for (Annotation a : m.getAnnotations()) {
      HttpMethod http = a.annotationType().getAnnotation(HttpMethod.class);
      if (http != null) {
        return http.value();
      }
    }
    return "GET";
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
