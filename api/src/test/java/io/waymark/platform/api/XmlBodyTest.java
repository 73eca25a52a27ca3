package io.waymark.platform.api;

import static io.waymark.platform.api.Failures.failure;
import static org.assertj.core.api.Assertions.assertThat;

import io.waymark.platform.error.WaymarkException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Element;

/**
 * The XML endpoints' parser: well-formed messages parse; a DOCTYPE in any form (XXE, entity
 * expansion, an external DTD), a body over 64 KiB and anything malformed is 400 {@code
 * malformed_xml}.
 */
class XmlBodyTest {

  private static Element parse(String xml) throws IOException {
    return parse(xml.getBytes(StandardCharsets.UTF_8));
  }

  private static Element parse(byte[] xml) throws IOException {
    return XmlBody.parse(new ByteArrayInputStream(xml));
  }

  private static void assertMalformed(WaymarkException e) {
    assertThat(e.status()).isEqualTo(400);
    assertThat(e.code()).isEqualTo("malformed_xml");
    assertThat(e.getMessage()).isEqualTo("Malformed XML");
    assertThat(ErrorBodies.body(e).toString())
        .isEqualTo(
            "{\"status\":\"error\",\"message\":\"Malformed XML\",\"code\":\"malformed_xml\"}");
  }

  @Test
  void aGatewayMessageParsesToItsRootElement() throws IOException {
    Element root =
        parse(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<message command=\"receive\"><id>42</id><content>Ahoj &amp; čau</content></message>");
    assertThat(root.getTagName()).isEqualTo("message");
    assertThat(root.getAttribute("command")).isEqualTo("receive");
    assertThat(root.getElementsByTagName("content").item(0).getTextContent())
        .isEqualTo("Ahoj & čau");
  }

  @Test
  void theDeclaredEncodingIsHonoured() throws IOException {
    byte[] latin2 =
        "<?xml version=\"1.0\" encoding=\"ISO-8859-2\"?><message command=\"receive\">žltý</message>"
            .getBytes(Charset.forName("ISO-8859-2"));
    assertThat(parse(latin2).getTextContent()).isEqualTo("žltý");
  }

  @Test
  void anExternalEntityIsRefusedAndTheFileNeverRead(@TempDir Path dir) throws IOException {
    Path secret = Files.writeString(dir.resolve("secret.txt"), "TOP-SECRET");
    String xxe =
        "<?xml version=\"1.0\"?><!DOCTYPE message [<!ENTITY xxe SYSTEM \""
            + secret.toUri()
            + "\">]><message command=\"receive\"><content>&xxe;</content></message>";
    assertMalformed(failure(() -> parse(xxe)));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        // an internal entity: the DOCTYPE alone is refused
        "<!DOCTYPE message [<!ENTITY a \"x\">]><message command=\"receive\">&a;</message>",
        // entity expansion ("billion laughs")
        "<!DOCTYPE m [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">"
            + "<!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">]><m>&c;</m>",
        // an external DTD and a parameter entity
        "<!DOCTYPE message SYSTEM \"http://127.0.0.1:9/evil.dtd\"><message/>",
        "<!DOCTYPE m [<!ENTITY % p SYSTEM \"http://127.0.0.1:9/p\"> %p;]><m/>",
        // a bare DOCTYPE
        "<!DOCTYPE message><message command=\"receive\"/>"
      })
  void everyDoctypeIsRefused(String xml) {
    assertMalformed(failure(() -> parse(xml)));
  }

  @Test
  void xincludeIsNotProcessed(@TempDir Path dir) throws IOException {
    Path secret = Files.writeString(dir.resolve("secret.xml"), "<s>TOP-SECRET</s>");
    Element root =
        parse(
            "<message xmlns:xi=\"http://www.w3.org/2001/XInclude\"><xi:include href=\""
                + secret.toUri()
                + "\"/></message>");
    assertThat(root.getTextContent()).doesNotContain("TOP-SECRET");
  }

  @Test
  void sixtyFourKibibytesPassOneByteMoreIsRefused() throws IOException {
    String open = "<message command=\"receive\"><content>";
    String close = "</content></message>";
    String exact = open + "x".repeat(XmlBody.MAX_BYTES - open.length() - close.length()) + close;
    assertThat(exact.length()).isEqualTo(64 * 1024);
    assertThat(parse(exact).getTagName()).isEqualTo("message");
    assertMalformed(failure(() -> parse(exact.replace("<content>", "<content>y"))));
  }

  @Test
  void aHugeBodyIsNotReadBeyondTheLimit() {
    AtomicInteger read = new AtomicInteger();
    var endless =
        new java.io.InputStream() {
          @Override
          public int read() {
            read.incrementAndGet();
            return 'x';
          }
        };
    assertMalformed(failure(() -> XmlBody.parse(endless)));
    assertThat(read.get()).isEqualTo(XmlBody.MAX_BYTES + 1);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "   ",
        "<message command=\"receive\">",
        "<message></mess>",
        "<message/><second/>",
        "<message/> trailing text",
        "not xml at all",
        "{\"command\":\"receive\"}",
        "<message a=\"1\" a=\"2\"/>",
        "<message>&undefined;</message>",
        "<message>&#0;</message>"
      })
  void malformedIsRefused(String xml) {
    assertMalformed(failure(() -> parse(xml)));
  }

  @Test
  void aRawNulIsMalformed() {
    assertMalformed(failure(() -> parse("<message>a\u0000b</message>")));
  }

  @Test
  void noBodyIsMalformed() {
    assertMalformed(failure(() -> XmlBody.parse(null)));
  }

  @Test
  void theParserPrintsNothingOfItsOwn() {
    PrintStream before = System.err;
    var captured = new java.io.ByteArrayOutputStream();
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      failure(() -> parse("<message"));
    } finally {
      System.setErr(before);
    }
    assertThat(captured.toString(StandardCharsets.UTF_8)).isEmpty();
  }
}
