package io.waymark.platform.api;

import io.waymark.platform.api.Endpoint.Auth;
import io.waymark.platform.api.Endpoint.Body;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * An endpoint method's {@link Endpoint} and {@link ApiResource} read together and checked, so a
 * contradiction fails when the API starts, not on a request: an API-token endpoint names its
 * resource and only it does; a shared-secret endpoint names its configuration prefix; XML and
 * multipart are an endpoint's only body. A method with neither annotation is refused: every
 * endpoint says who may call it.
 *
 * @param resource the {@link ApiResource} name, for {@link Auth#API_TOKEN} only (else null)
 * @param also the further resources it checks for some inputs ({@link ApiResource#also})
 * @param secret the configuration prefix, for {@link Auth#SHARED_SECRET} only (else null)
 */
public record EndpointDeclaration(
    Auth auth, Set<Body> body, String resource, List<String> also, String secret) {

  public static EndpointDeclaration of(Method method) {
    String where = method.getDeclaringClass().getSimpleName() + "." + method.getName();
    ApiResource resource = method.getAnnotation(ApiResource.class);
    Endpoint endpoint = method.getAnnotation(Endpoint.class);
    if (resource == null && endpoint == null) {
      throw new IllegalStateException(
          where + " declares neither @ApiResource nor @Endpoint: say who may call it");
    }
    Auth auth = endpoint == null ? Auth.API_TOKEN : endpoint.auth();
    if ((auth == Auth.API_TOKEN) != (resource != null)) {
      throw new IllegalStateException(
          where + ": an API-token endpoint names its @ApiResource, and only an API-token one does");
    }
    String secret = endpoint == null ? "" : endpoint.secret().strip();
    if ((auth == Auth.SHARED_SECRET) == secret.isEmpty()) {
      throw new IllegalStateException(
          where
              + ": a shared-secret endpoint names its configuration prefix (secret), and only it");
    }
    Set<Body> body = EnumSet.noneOf(Body.class);
    body.addAll(endpoint == null ? Set.of(Body.JSON) : Arrays.asList(endpoint.body()));
    if (body.isEmpty()) {
      throw new IllegalStateException(where + ": declares no body format");
    }
    if (body.size() > 1 && (body.contains(Body.XML) || body.contains(Body.MULTIPART))) {
      throw new IllegalStateException(where + ": XML and multipart are an endpoint's only body");
    }
    return new EndpointDeclaration(
        auth,
        Collections.unmodifiableSet(body),
        resource == null ? null : resource.value(),
        resource == null ? List.of() : List.of(resource.also()),
        secret.isEmpty() ? null : secret);
  }

  public boolean takes(Body format) {
    return body.contains(format);
  }

  /**
   * Whether the Idempotency-Key filter stands in front: the caller presents a token (the key's
   * scope) and the body may be buffered for the key's hash — not a streamed multipart body, whose
   * endpoint hashes the parts while it streams them and checks the key itself.
   */
  public boolean idempotencyFiltered() {
    return (auth == Auth.API_TOKEN || auth == Auth.USER_TOKEN) && !takes(Body.MULTIPART);
  }
}
