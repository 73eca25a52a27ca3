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
 * Puts an authorisation filter in front of every endpoint: API tokens for {@link ApiResource} endpoints, user
 * tokens for {@link UserAuthenticated} ones. Failures are the 403 {@code no_authorization} bodies.
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
      ApiTokens tokens = CDI.current().select(ApiTokens.class).get();
      request.setProperty(RequestContextKeys.CALLER, tokens.authorize(token, (String) request.getProperty(RequestContextKeys.REMOTE_ADDRESS), resource));
      request.setProperty(RequestContextKeys.SCOPE, SecretTokens.hashHex(token));
    }
  }

  @Priority(Priorities.AUTHENTICATION)
  static final class UserTokenFilter implements ContainerRequestFilter {
    @Override
    public void filter(ContainerRequestContext request) {
      String token = BearerToken.parse(request.getHeaderString(HttpHeaders.AUTHORIZATION));
      Sessions sessions = CDI.current().select(Sessions.class).get();
      request.setProperty(RequestContextKeys.CALLER, sessions.authenticate(token));
      request.setProperty(RequestContextKeys.SCOPE, SecretTokens.hashHex(token));
      request.setProperty(RequestContextKeys.TOKEN, token);
    }
  }
}
