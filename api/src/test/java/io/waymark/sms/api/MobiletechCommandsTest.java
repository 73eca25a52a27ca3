package io.waymark.sms.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.waymark.platform.api.XmlBody;
import io.waymark.platform.error.WaymarkException;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/** The webhook's commands are found by name among the handler beans; the rest is 400. */
class MobiletechCommandsTest {

  private static Element xml(String text) throws IOException {
    return XmlBody.parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
  }

  private record Handler(String command) implements MobiletechCommand {
    @Override
    public Response handle(Element message) {
      return null;
    }
  }

  private static WaymarkException refused(MobiletechCommands commands, String message) {
    Throwable thrown = catchThrowable(() -> commands.handlerOf(xml(message)));
    assertThat(thrown).isInstanceOf(WaymarkException.class);
    return (WaymarkException) thrown;
  }

  @Test
  void withNoHandlerRegisteredEveryCommandIsUnknown() {
    MobiletechCommands none = new MobiletechCommands(List.of());
    for (String command : List.of("receive", "status", "send", "")) {
      WaymarkException e =
          refused(none, "<message command=\"" + command + "\"><id>1</id></message>");
      assertThat(e.status()).isEqualTo(400);
      assertThat(e.code()).isEqualTo("unknown_command");
    }
    assertThat(refused(none, "<message command=\"receive\"/>").getMessage())
        .isEqualTo("Unknown command 'receive'");
  }

  @Test
  void theHandlerOfTheCommandIsFound() throws IOException {
    Handler receive = new Handler("receive");
    Handler status = new Handler("status");
    MobiletechCommands commands = new MobiletechCommands(List.of(receive, status));
    assertThat(commands.handlerOf(xml("<message command=\"status\"><id>1</id></message>")))
        .isSameAs(status);
    assertThat(commands.handlerOf(xml("<message command=\"receive\"/>"))).isSameAs(receive);
    // names are exact
    assertThat(refused(commands, "<message command=\"RECEIVE\"/>").code())
        .isEqualTo("unknown_command");
  }

  @Test
  void anotherRootOrNoCommandIsNoGatewayMessage() {
    MobiletechCommands commands = new MobiletechCommands(List.of(new Handler("receive")));
    for (String message :
        List.of("<sms command=\"receive\"/>", "<message/>", "<message cmd=\"receive\"/>")) {
      WaymarkException e = refused(commands, message);
      assertThat(e.code()).isEqualTo("unknown_command");
      assertThat(e.getMessage()).isEqualTo("Expected <message command=\"…\">");
    }
  }

  @Test
  void aLongCommandIsCutInTheMessage() {
    WaymarkException e =
        refused(
            new MobiletechCommands(List.of()), "<message command=\"" + "x".repeat(500) + "\"/>");
    assertThat(e.getMessage()).hasSizeLessThan(100);
  }

  @Test
  void twoHandlersOfOneCommandAreRefused() {
    assertThatThrownBy(
            () -> new MobiletechCommands(List.of(new Handler("receive"), new Handler("receive"))))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("two plugins claim the key 'receive'");
  }
}
