package io.waymark.platform.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.transaction.Status;
import java.io.IOException;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The servlet filter in front of JAX-RS: what request the API sees for the raw headers a client
 * sent (SPEC §1 "whatever the Content-Type header says"), and its clean-up after the request.
 */
class ApiServletFilterTest {

  private final ApiServletFilter filter = new ApiServletFilter();

  {
    filter.edge = io.waymark.platform.web.HttpEdge.of(null, "10.0.0.0/8");
  }

  private final HttpServletResponse response = RawRequest.untouchedResponse();
  private HttpServletRequest seen;
  private ServletResponse seenResponse;

  /** Runs the filter like the container does and returns the request JAX-RS gets. */
  private HttpServletRequest filtered(RawRequest raw) throws IOException, ServletException {
    filter.doFilter(raw.build(), response, this::record);
    assertThat(seen).as("the filter must pass the request on").isNotNull();
    return seen;
  }

  private void record(ServletRequest request, ServletResponse response) {
    this.seen = (HttpServletRequest) request;
    this.seenResponse = response;
  }

  private static RawRequest contentType(String value) {
    return new RawRequest().header("Content-Type", value);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "application/javascript",
        "type=application/json",
        "application/json",
        "application/json; charset=UTF-8",
        "APPLICATION/JSON;charset=iso-8859-1",
        "text/plain",
        "text/html; charset=utf-8",
        "multipart/form-data; boundary=xyz",
        "application/xml",
        ";;;=/",
        "",
        "   "
      })
  void anyContentTypeButAFormPostReachesJaxRsAsPlainJson(String raw) throws Exception {
    HttpServletRequest request = filtered(contentType(raw));
    assertThat(request.getContentType()).isEqualTo("application/json");
    assertThat(request.getHeader("Content-Type")).isEqualTo("application/json");
    assertThat(request.getHeader("content-type")).isEqualTo("application/json");
    assertThat(Collections.list(request.getHeaders("CONTENT-TYPE")))
        .containsExactly("application/json");
  }

  @Test
  void aMissingContentTypeIsJsonToo() throws Exception {
    HttpServletRequest request = filtered(new RawRequest());
    assertThat(request.getContentType()).isEqualTo("application/json");
    assertThat(request.getHeader("Content-Type")).isEqualTo("application/json");
    assertThat(Collections.list(request.getHeaderNames())).contains("Content-Type");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "application/x-www-form-urlencoded",
        "application/x-www-form-urlencoded; charset=UTF-8",
        "Application/X-WWW-Form-Urlencoded",
        "  application/x-www-form-urlencoded  "
      })
  void aFormPostKeepsTheFormTypeForLogin(String raw) throws Exception {
    HttpServletRequest request = filtered(contentType(raw));
    assertThat(request.getContentType()).isEqualTo("application/x-www-form-urlencoded");
    assertThat(request.getHeader("Content-Type")).isEqualTo("application/x-www-form-urlencoded");
  }

  @Test
  void theApiOnlyEverProducesJsonWhateverTheClientAccepts() throws Exception {
    HttpServletRequest request =
        filtered(new RawRequest().header("Accept", "text/html").header("Accept", "*/*"));
    assertThat(request.getHeader("accept")).isEqualTo("application/json");
    assertThat(Collections.list(request.getHeaders("Accept"))).containsExactly("application/json");
  }

  @Test
  void otherHeadersPassThroughUntouched() throws Exception {
    HttpServletRequest request =
        filtered(
            contentType("application/javascript")
                .header("Authorization", "Bearer wma_abc")
                .header("X-Forwarded-For", "10.0.0.1")
                .header("X-Forwarded-For", "10.0.0.2"));
    assertThat(request.getHeader("Authorization")).isEqualTo("Bearer wma_abc");
    assertThat(Collections.list(request.getHeaders("X-Forwarded-For")))
        .containsExactly("10.0.0.1", "10.0.0.2");
    assertThat(request.getHeader("Idempotency-Key")).isNull();
  }

  @Test
  void headerNamesListTheReplacedHeadersOnceWhateverTheirCase() throws Exception {
    HttpServletRequest request =
        filtered(
            new RawRequest()
                .header("content-type", "type=application/json")
                .header("accept", "text/html")
                .header("Authorization", "Bearer x"));
    List<String> names = Collections.list(request.getHeaderNames());
    assertThat(names).hasSize(3);
    assertThat(names).containsExactlyInAnyOrder("Authorization", "accept", "content-type");
    for (String name : names) {
      assertThat(request.getHeader(name)).isNotNull();
    }
  }

  @Test
  void theClientAddressIsRecordedForTheAuthorisationFilter() throws Exception {
    RawRequest raw = new RawRequest().from("2001:db8::7");
    HttpServletRequest request = filtered(raw);
    assertThat(request.getAttribute(RequestContextKeys.REMOTE_ADDRESS)).isEqualTo("2001:db8::7");
    assertThat(raw.attribute(RequestContextKeys.REMOTE_ADDRESS)).isEqualTo("2001:db8::7");
  }

  @Test
  void behindATrustedProxyTheClientIsTheAddressItForwarded() throws Exception {
    RawRequest raw =
        new RawRequest().from("10.0.0.5").header("X-Forwarded-For", "192.0.2.1, 198.51.100.4");
    filtered(raw);
    assertThat(raw.attribute(RequestContextKeys.REMOTE_ADDRESS)).isEqualTo("198.51.100.4");
  }

  @Test
  void anUntrustedPeersForwardedForIsIgnored() throws Exception {
    RawRequest raw = new RawRequest().from("203.0.113.9").header("X-Forwarded-For", "10.0.0.7");
    filtered(raw);
    assertThat(raw.attribute(RequestContextKeys.REMOTE_ADDRESS)).isEqualTo("203.0.113.9");
  }

  @Test
  void theResponseIsPassedOnAsItIs() throws Exception {
    filtered(new RawRequest());
    assertThat(seenResponse).isSameAs(response);
  }

  @Test
  void aTransactionLeftOpenByTheRequestIsRolledBack() throws Exception {
    RecordingTransaction tx = RecordingTransaction.in(Status.STATUS_ACTIVE);
    filter.tx = tx;
    filtered(new RawRequest());
    assertThat(tx.rollbacks).isEqualTo(1);
  }

  @Test
  void aTransactionMarkedForRollbackIsRolledBackToo() throws Exception {
    RecordingTransaction tx = RecordingTransaction.in(Status.STATUS_MARKED_ROLLBACK);
    filter.tx = tx;
    filtered(new RawRequest());
    assertThat(tx.rollbacks).isEqualTo(1);
  }

  @Test
  void noTransactionMeansNoRollback() throws Exception {
    RecordingTransaction tx = RecordingTransaction.in(Status.STATUS_NO_TRANSACTION);
    filter.tx = tx;
    filtered(new RawRequest());
    assertThat(tx.rollbacks).isZero();
  }

  @Test
  void theLeftoverIsRolledBackEvenWhenTheRequestFailed() {
    RecordingTransaction tx = RecordingTransaction.in(Status.STATUS_ACTIVE);
    filter.tx = tx;
    IllegalStateException failure = new IllegalStateException("resource failed");
    Throwable thrown =
        catchThrowable(
            () ->
                filter.doFilter(
                    new RawRequest().build(),
                    response,
                    (req, res) -> {
                      throw failure;
                    }));
    assertThat(thrown).isSameAs(failure);
    assertThat(tx.rollbacks).isEqualTo(1);
  }

  @Test
  void aTransactionServiceThatCannotAnswerDoesNotFailTheRequest() throws Exception {
    filter.tx = RecordingTransaction.broken();
    filtered(new RawRequest());
    filter.tx = null;
    filtered(new RawRequest());
  }

  @Test
  void anEncodedNulInAQueryParameterIsRefusedBeforeTheApiNamingTheParameter() {
    assertThat(ApiServletFilter.nulParameters("code=ok&from=2026%00&to%00=x"))
        .containsExactly(
            new io.waymark.platform.error.FieldError("from", JsonBody.NUL_MESSAGE),
            new io.waymark.platform.error.FieldError("to", JsonBody.NUL_MESSAGE));
    assertThat(ApiServletFilter.nulParameters("code=a%2500")).isEmpty();
    assertThat(ApiServletFilter.nulParameters(null)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "text/xml; charset=UTF-8",
        "application/json",
        "application/x-www-form-urlencoded",
        ";;;=/",
        ""
      })
  void theXmlWebhookGetsItsBodyAsXmlWhateverTheContentTypeAndAnswersWithItsOwnType(String raw)
      throws Exception {
    HttpServletRequest request =
        filtered(
            contentType(raw).header("Accept", "text/html").to("POST", "/v1/mobiletech/webhook"));
    assertThat(request.getContentType()).isEqualTo("application/xml");
    assertThat(request.getHeader("Content-Type")).isEqualTo("application/xml");
    assertThat(request.getHeader("Accept")).isEqualTo("*/*");
  }

  @Test
  void otherMethodsOnTheWebhooksPathAreJsonAsEver() throws Exception {
    HttpServletRequest request =
        filtered(contentType("text/xml").to("GET", "/v1/mobiletech/webhook"));
    assertThat(request.getContentType()).isEqualTo("application/json");
  }

  @Test
  void aMultipartEndpointKeepsTheContentTypeWithItsBoundary() {
    HttpServletRequest request =
        ApiServletFilter.declared(
            contentType("multipart/form-data; boundary=----x1").build(),
            java.util.Set.of(Endpoint.Body.MULTIPART));
    assertThat(request.getContentType()).isEqualTo("multipart/form-data; boundary=----x1");
    assertThat(request.getHeader("content-type")).isEqualTo("multipart/form-data; boundary=----x1");
    assertThat(Collections.list(request.getHeaders("Content-Type")))
        .containsExactly("multipart/form-data; boundary=----x1");
    assertThat(request.getHeader("Accept")).isEqualTo("application/json");
  }
}
