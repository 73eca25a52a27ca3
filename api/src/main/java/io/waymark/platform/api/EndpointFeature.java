package io.waymark.platform.api;

import io.waymark.platform.api.Endpoint.Body;
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
import java.util.function.Supplier;

/**
 * Puts the filters an endpoint's declaration ({@link EndpointDeclaration}: {@link Endpoint} and
 * {@link ApiResource}) asks for in front of it, in this order: its authentication (API token, user
 * token or shared secret; none for a public one), failing with the 403 {@code no_authorization}
 * bodies; the {@link IdempotencyFilter} where a token scopes the key and the body may be buffered;
 * the {@link XmlBody} parser for an XML endpoint. A method of ours without a declaration fails the
 * API's start.
 */
@Provider
public class EndpointFeature implements DynamicFeature {

  static final int IDEMPOTENCY = Priorities.AUTHORIZATION + 100;
  static final int BODY = Priorities.ENTITY_CODER;
  private static final String OWN = "io.waymark.";

  @Override
  public void configure(ResourceInfo info, FeatureContext context) {
    if (!info.getResourceMethod().getDeclaringClass().getName().startsWith(OWN)) {
      return; // the JAX-RS implementation's own (Jersey's OPTIONS handler): no endpoint of ours
    }
    EndpointDeclaration endpoint = EndpointDeclaration.of(info.getResourceMethod());
    switch (endpoint.auth()) {
      case API_TOKEN ->
          context.register(new ApiTokenFilter(endpoint.resource()), Priorities.AUTHENTICATION);
      case USER_TOKEN -> context.register(new UserTokenFilter(), Priorities.AUTHENTICATION);
      case SHARED_SECRET ->
          context.register(
              new SharedSecretFilter(() -> SharedSecret.configured(endpoint.secret())),
              Priorities.AUTHENTICATION);
      case PUBLIC -> {}
    }
    if (endpoint.idempotencyFiltered()) {
      context.register(new IdempotencyFilter(), IDEMPOTENCY);
    }
    if (endpoint.takes(Body.XML)) {
      context.register(new XmlBody.Filter(), BODY);
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
   * A shared-secret endpoint's check, its configuration read at the first request (MicroProfile
   * Config is the application's, which the feature's own start may precede). Sets no scope: such a
   * caller has no Idempotency-Key of ours (a gateway's message id is its own key).
   */
  @Priority(Priorities.AUTHENTICATION)
  static final class SharedSecretFilter implements ContainerRequestFilter {
    private final Supplier<SharedSecret> configured;
    private volatile SharedSecret secret;

    SharedSecretFilter(Supplier<SharedSecret> configured) {
      this.configured = configured;
    }

    @Override
    public void filter(ContainerRequestContext request) {
      SharedSecret current = secret;
      if (current == null) {
        current = configured.get();
        secret = current;
      }
      current.check(
          request.getUriInfo().getQueryParameters().getFirst("token"),
          request.getHeaderString(HttpHeaders.AUTHORIZATION),
          (String) request.getProperty(RequestContextKeys.REMOTE_ADDRESS));
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
