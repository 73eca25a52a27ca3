package io.waymark.sms.api;

import io.waymark.platform.api.Endpoint;
import io.waymark.platform.api.Endpoint.Auth;
import io.waymark.platform.api.Endpoint.Body;
import io.waymark.platform.api.XmlBody;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;

/**
 * The Mobiletech gateway's webhook (SPEC §7): XML in any Content-Type, authenticated by the
 * gateway's shared secret and/or IP allow-list ({@code waymark.sms.webhook.*}); the root {@code
 * <message command="…">} goes to the handler of that command. Not a token resource: no API token
 * reaches it, none needs a grant.
 */
@Path("/v1/mobiletech/webhook")
@ApplicationScoped
public class MobiletechWebhookResource {

  /** A message the gateway sends (the OpenAPI example). */
  static final String RECEIVE_SAMPLE =
      "<message command=\"receive\"><id>1234567</id><serv_id>7</serv_id><project_id>3</project_id>"
          + "<from>421901123456</from><to>8866</to><content>START</content>"
          + "<content_encoding>text</content_encoding><dcs>0</dcs><esm>0</esm>"
          + "<operator_type>T</operator_type><receive_date>2026-12-01 10:00:00</receive_date>"
          + "</message>";

  @Inject @Any Instance<MobiletechCommand> handlers;

  private MobiletechCommands commands;

  @PostConstruct
  void collect() {
    commands = new MobiletechCommands(handlers);
  }

  @POST
  @Endpoint(auth = Auth.SHARED_SECRET, secret = "waymark.sms.webhook", body = Body.XML)
  @Operation(
      summary = "The SMS gateway's webhook",
      description =
          "XML body in any Content-Type, at most 64 KiB, no DOCTYPE (else 400 malformed_xml);"
              + " the gateway's secret as ?token= or Authorization: Bearer"
              + " (waymark.sms.webhook.token) and/or its address (waymark.sms.webhook.allowed-ips)."
              + " A command without a handler is 400 unknown_command.")
  @RequestBody(
      content =
          @Content(
              mediaType = "application/xml",
              examples = @ExampleObject(name = "receive", value = RECEIVE_SAMPLE)))
  public Response webhook(@Context ContainerRequestContext request) {
    var message = XmlBody.of(request);
    return commands.handlerOf(message).handle(message);
  }
}
