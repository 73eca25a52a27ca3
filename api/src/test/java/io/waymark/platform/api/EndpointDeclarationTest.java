package io.waymark.platform.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.waymark.platform.api.Endpoint.Auth;
import io.waymark.platform.api.Endpoint.Body;
import java.lang.reflect.Method;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What an endpoint method's annotations declare, and the combinations refused at start. */
class EndpointDeclarationTest {

  static class Declared {
    @ApiResource("things.create")
    public void apiResourceOnly() {}

    @ApiResource(
        value = "things.import",
        also = {"things.raw"})
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

    @Endpoint(auth = Auth.USER_TOKEN)
    @ApiResource("things.both")
    public void userTokenWithResource() {}

    @Endpoint
    public void apiTokenWithoutResource() {}

    @Endpoint(auth = Auth.SHARED_SECRET, body = Body.XML)
    public void sharedSecretWithoutPrefix() {}

    @Endpoint(auth = Auth.PUBLIC, secret = "waymark.x")
    public void prefixWithoutSharedSecret() {}

    @Endpoint(
        auth = Auth.PUBLIC,
        body = {Body.JSON, Body.XML})
    public void xmlAndJson() {}

    @Endpoint(
        auth = Auth.PUBLIC,
        body = {})
    public void noBody() {}
  }

  private static EndpointDeclaration of(String method) throws NoSuchMethodException {
    Method m = Declared.class.getMethod(method);
    return EndpointDeclaration.of(m);
  }

  @Test
  void anApiResourceAloneIsAnApiTokenJsonEndpointAsBefore() throws Exception {
    EndpointDeclaration endpoint = of("apiResourceOnly");
    assertThat(endpoint.auth()).isEqualTo(Auth.API_TOKEN);
    assertThat(endpoint.body()).containsExactly(Body.JSON);
    assertThat(endpoint.resource()).isEqualTo("things.create");
    assertThat(endpoint.secret()).isNull();
    assertThat(endpoint.idempotencyFiltered()).isTrue();
  }

  @Test
  void aMultipartBodyIsStreamedSoNoIdempotencyFilterBuffersIt() throws Exception {
    EndpointDeclaration endpoint = of("multipart");
    assertThat(endpoint.auth()).isEqualTo(Auth.API_TOKEN);
    assertThat(endpoint.body()).containsExactly(Body.MULTIPART);
    assertThat(endpoint.also()).containsExactly("things.raw");
    assertThat(endpoint.idempotencyFiltered()).isFalse();
  }

  @Test
  void userTokenEndpointsKeepTheirIdempotencyKeys() throws Exception {
    EndpointDeclaration endpoint = of("userToken");
    assertThat(endpoint.auth()).isEqualTo(Auth.USER_TOKEN);
    assertThat(endpoint.resource()).isNull();
    assertThat(endpoint.idempotencyFiltered()).isTrue();
  }

  @Test
  void aPublicEndpointHasNoScopeForAKey() throws Exception {
    EndpointDeclaration endpoint = of("login");
    assertThat(endpoint.body()).containsExactlyInAnyOrder(Body.JSON, Body.FORM);
    assertThat(endpoint.idempotencyFiltered()).isFalse();
  }

  @Test
  void aSharedSecretEndpointNamesItsConfigurationPrefix() throws Exception {
    EndpointDeclaration endpoint = of("webhook");
    assertThat(endpoint.auth()).isEqualTo(Auth.SHARED_SECRET);
    assertThat(endpoint.secret()).isEqualTo("waymark.things.webhook");
    assertThat(endpoint.takes(Body.XML)).isTrue();
    assertThat(endpoint.takes(Body.JSON)).isFalse();
    assertThat(endpoint.idempotencyFiltered()).isFalse();
  }

  @Test
  void contradictionsFailNamingTheMethod() {
    assertThatThrownBy(() -> of("undeclared"))
        .hasMessageContaining("Declared.undeclared declares neither @ApiResource nor @Endpoint");
    assertThatThrownBy(() -> of("userTokenWithResource"))
        .hasMessageContaining("an API-token endpoint names its @ApiResource");
    assertThatThrownBy(() -> of("apiTokenWithoutResource"))
        .hasMessageContaining("an API-token endpoint names its @ApiResource");
    assertThatThrownBy(() -> of("sharedSecretWithoutPrefix"))
        .hasMessageContaining("names its configuration prefix");
    assertThatThrownBy(() -> of("prefixWithoutSharedSecret"))
        .hasMessageContaining("names its configuration prefix");
    assertThatThrownBy(() -> of("xmlAndJson"))
        .hasMessageContaining("XML and multipart are an endpoint's only body");
    assertThatThrownBy(() -> of("noBody")).hasMessageContaining("declares no body format");
  }

  @Test
  void theBodySetCannotBeChanged() throws Exception {
    Set<Body> body = of("login").body();
    assertThatThrownBy(() -> body.add(Body.XML)).isInstanceOf(UnsupportedOperationException.class);
  }
}
