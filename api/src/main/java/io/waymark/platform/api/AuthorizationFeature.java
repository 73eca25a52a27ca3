package io.waymark.platform.api;

import io.waymark.platform.security.BearerToken;
import io.waymark.platform.security.SecretTokens;
import io.waymark.tokens.boundary.ApiTokens;
import io.waymark.users.boundary.Sessions;
import jakarta.annotation.Priority;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;

/**
 * Puts an authorisation filter in front of every endpoint: API tokens for {@link ApiResource}
 * endpoints, user tokens for {@link UserAuthenticated} ones. Failures are the 403 {@code
 * no_authorization} bodies.
 */
@Provider
public class AuthorizationFeature implements DynamicFeature {

  @Override
  public void configure(ResourceInfo info, FeatureContext context) {
    ApiResource resource = info.getResourceMethod().getAnnotation(ApiResource.class);
    if (resource != null) {
      context.register(new ApiTokenFilter(resource.value()), Priorities.AUTHENTICATION);
    } else if (info.getResourceMethod().isAnnotationPresent(UserAuthenticated.class)) {
      context.register(new UserTokenFilter(), Priorities.AUTHENTICATION);
    }
  }

  @Priority(Priorities.AUTHENTICATION)
  static final class ApiTokenFilter implements ContainerRequestFilter {
    private final String resource;

    ApiTokenFilter(String resource) {
      this.resource = resource;
    }

    @Override
    public void filter(ContainerRequestContext request) {
      String token = BearerToken.parse(request.getHeaderString(HttpHeaders.AUTHORIZATION));
      request.setProperty(
          RequestContextKeys.CALLER,
          Beans.API_TOKENS
              .get()
              .authorize(
                  token,
                  (String) request.getProperty(RequestContextKeys.REMOTE_ADDRESS),
                  resource));
      request.setProperty(RequestContextKeys.SCOPE, SecretTokens.hashHex(token));
    }
  }

  @Priority(Priorities.AUTHENTICATION)
  static final class UserTokenFilter implements ContainerRequestFilter {
    @Override
    public void filter(ContainerRequestContext request) {
      String token = BearerToken.parse(request.getHeaderString(HttpHeaders.AUTHORIZATION));
      request.setProperty(RequestContextKeys.CALLER, Beans.SESSIONS.get().authenticate(token));
      request.setProperty(RequestContextKeys.SCOPE, SecretTokens.hashHex(token));
      request.setProperty(RequestContextKeys.TOKEN, token);
    }
  }

  /**
   * The session beans the filters call, resolved once: a stateless bean's reference is safe to
   * share between threads, while resolving it per request made Weld load the bean class under the
   * EAR class loader's lock.
   */
  static final class Beans<T> {
    static final Beans<ApiTokens> API_TOKENS = new Beans<>(ApiTokens.class);
    static final Beans<Sessions> SESSIONS = new Beans<>(Sessions.class);

    private final Class<T> type;
    private volatile T reference;

    private Beans(Class<T> type) {
      this.type = type;
    }

    T get() {
      T current = reference;
      if (current == null) {
        current = CDI.current().select(type).get();
        reference = current;
      }
      return current;
    }
  }
}
