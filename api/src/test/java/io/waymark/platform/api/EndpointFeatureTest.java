package io.waymark.platform.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.waymark.platform.api.Endpoint.Auth;
import io.waymark.platform.api.Endpoint.Body;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The filters each kind of endpoint gets, in their order, from its declaration alone. */
class EndpointFeatureTest {

  static class Endpoints {
    @ApiResource("things.create")
    public void apiToken() {}

    @ApiResource("things.import")
    @Endpoint(body = Body.MULTIPART)
    public void multipart() {}

    @Endpoint(auth = Auth.USER_TOKEN)
    public void userToken() {}

    @Endpoint(
        auth = Auth.PUBLIC,
        body = {Body.JSON, Body.FORM})
    public void login() {}

    @Endpoint(auth = Auth.SHARED_SECRET, secret = "waymark.things.webhook", body = Body.XML)
    public void webhook() {}

    public void undeclared() {}
  }

  private record Registered(Class<?> type, int priority) {}

  /** The filters {@link EndpointFeature} registers for the method, in registration order. */
  private static List<Registered> filtersOf(String method) throws NoSuchMethodException {
    List<Registered> registered = new ArrayList<>();
    new EndpointFeature().configure(info(Endpoints.class.getMethod(method)), recording(registered));
    return registered;
  }

  private static ResourceInfo info(Method m) {
    return new ResourceInfo() {
      @Override
      public Method getResourceMethod() {
        return m;
      }

      @Override
      public Class<?> getResourceClass() {
        return m.getDeclaringClass();
      }
    };
  }

  private static FeatureContext recording(List<Registered> registered) {
    return (FeatureContext)
        Proxy.newProxyInstance(
            EndpointFeatureTest.class.getClassLoader(),
            new Class<?>[] {FeatureContext.class},
            (proxy, call, args) -> {
              if (call.getName().equals("register")
                  && args.length == 2
                  && args[1] instanceof Integer priority) {
                registered.add(new Registered(args[0].getClass(), priority));
                return proxy;
              }
              throw new UnsupportedOperationException(call.getName());
            });
  }

  @Test
  void anApiTokenEndpointGetsItsTokenCheckThenTheIdempotencyKey() throws Exception {
    assertThat(filtersOf("apiToken"))
        .containsExactly(
            new Registered(EndpointFeature.ApiTokenFilter.class, Priorities.AUTHENTICATION),
            new Registered(IdempotencyFilter.class, Priorities.AUTHORIZATION + 100));
  }

  @Test
  void aMultipartEndpointIsNotBufferedByTheIdempotencyFilter() throws Exception {
    assertThat(filtersOf("multipart"))
        .containsExactly(
            new Registered(EndpointFeature.ApiTokenFilter.class, Priorities.AUTHENTICATION));
  }

  @Test
  void aUserTokenEndpointGetsTheUserTokenCheck() throws Exception {
    assertThat(filtersOf("userToken"))
        .containsExactly(
            new Registered(EndpointFeature.UserTokenFilter.class, Priorities.AUTHENTICATION),
            new Registered(IdempotencyFilter.class, Priorities.AUTHORIZATION + 100));
  }

  @Test
  void aPublicEndpointGetsNoFilter() throws Exception {
    assertThat(filtersOf("login")).isEmpty();
  }

  @Test
  void anXmlWebhookIsAuthenticatedBeforeItsBodyIsParsed() throws Exception {
    assertThat(filtersOf("webhook"))
        .containsExactly(
            new Registered(EndpointFeature.SharedSecretFilter.class, Priorities.AUTHENTICATION),
            new Registered(XmlBody.Filter.class, Priorities.ENTITY_CODER));
    assertThat(Priorities.ENTITY_CODER).isGreaterThan(Priorities.AUTHORIZATION + 100);
  }

  @Test
  void theJaxRsImplementationsOwnMethodsAreLeftAlone() throws Exception {
    Method options = Object.class.getMethod("toString");
    List<Registered> registered = new ArrayList<>();
    new EndpointFeature().configure(info(options), recording(registered));
    assertThat(registered).isEmpty();
  }

  @Test
  void anUndeclaredEndpointFailsTheStart() {
    assertThatThrownBy(() -> filtersOf("undeclared"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("declares neither @ApiResource nor @Endpoint");
  }
}
