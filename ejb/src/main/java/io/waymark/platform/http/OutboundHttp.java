package io.waymark.platform.http;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.apache.hc.client5.http.async.methods.SimpleRequestBuilder;
import org.apache.hc.client5.http.async.methods.SimpleRequestProducer;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.async.HttpAsyncClients;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManagerBuilder;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpResponse;
import org.apache.hc.core5.http.Message;
import org.apache.hc.core5.http.nio.entity.DiscardingEntityConsumer;
import org.apache.hc.core5.http.nio.support.BasicResponseConsumer;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.Timeout;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The one HTTP client for calls out of Waymark (DESIGN §4a): asynchronous, so a batch waits for its
 * slowest call only; every resolved address is checked by the {@link OutboundGuard} right before
 * the connection is made; redirects are never followed (a 3xx is an answer like any other); the
 * answer's body is discarded (callers act on the status).
 */
@ApplicationScoped
public class OutboundHttp {

  // numeric host spellings other than a.b.c.d (0x7f000001, 2130706433, 0177.1, 127.1): some clients
  // read them as addresses, so a URL using them is refused rather than guessed at
  private static final Pattern NUMERIC_HOST =
      Pattern.compile("(0x[0-9a-f]*|\\d+)(\\.(0x[0-9a-f]*|\\d+))*\\.?", Pattern.CASE_INSENSITIVE);
  private static final Pattern DOTTED_QUAD =
      Pattern.compile(
          "(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");

  private static final ContentType JSON = ContentType.create("application/json", (Charset) null);

  @Inject
  @ConfigProperty(name = "waymark.outbound.allowed-hosts")
  Optional<String> allowedHosts;

  @Inject
  @ConfigProperty(name = "waymark.outbound.connect-timeout", defaultValue = "PT5S")
  Duration connectTimeout;

  @Resource ManagedThreadFactory threads;

  private OutboundGuard guard;
  private CloseableHttpAsyncClient client;

  @PostConstruct
  void start() {
    guard = new OutboundGuard(AllowedTargets.parse(allowedHosts.orElse("")));
    client = build(guard, connectTimeout, threads);
    client.start();
  }

  @PreDestroy
  void stop() {
    client.close(CloseMode.GRACEFUL);
  }

  /** A started client guarded by {@code guard} (also for tests outside the container). */
  static CloseableHttpAsyncClient build(
      OutboundGuard guard, Duration connectTimeout, java.util.concurrent.ThreadFactory threads) {
    var connections =
        PoolingAsyncClientConnectionManagerBuilder.create()
            .setDnsResolver(new GuardedDnsResolver(guard))
            .setDefaultConnectionConfig(
                ConnectionConfig.custom()
                    .setConnectTimeout(Timeout.of(connectTimeout.toMillis(), TimeUnit.MILLISECONDS))
                    .build())
            .setMaxConnTotal(200)
            .setMaxConnPerRoute(50)
            .build();
    var builder =
        HttpAsyncClients.custom()
            .setConnectionManager(connections)
            .disableRedirectHandling()
            .disableAutomaticRetries()
            .disableCookieManagement()
            .disableAuthCaching()
            .setUserAgent("Waymark");
    if (threads != null) {
      builder.setThreadFactory(threads);
    }
    return builder.build();
  }

  /**
   * POSTs a JSON body; completes with the answer's status, or exceptionally when no answer came
   * (the guard's refusal is an {@link OutboundRefusedException}). Headers the client owns (see
   * {@link OutboundHeaders}) fail the call without sending it.
   */
  public CompletableFuture<Integer> postJson(
      URI uri, Map<String, String> headers, String json, Duration timeout) {
    return post(client, uri, headers, json, timeout);
  }

  static CompletableFuture<Integer> post(
      CloseableHttpAsyncClient client,
      URI uri,
      Map<String, String> headers,
      String json,
      Duration timeout) {
    CompletableFuture<Integer> answer = new CompletableFuture<>();
    try {
      SimpleRequestBuilder request =
          SimpleRequestBuilder.post(uri)
              // JSON is UTF-8 by definition (RFC 8259): no charset parameter on the wire
              .setBody(json.getBytes(StandardCharsets.UTF_8), JSON)
              .setRequestConfig(
                  RequestConfig.custom()
                      .setResponseTimeout(Timeout.of(timeout.toMillis(), TimeUnit.MILLISECONDS))
                      .setConnectionRequestTimeout(
                          Timeout.of(timeout.toMillis(), TimeUnit.MILLISECONDS))
                      .build());
      headers.forEach(
          (name, value) -> {
            OutboundHeaders.problem(name)
                .or(() -> OutboundHeaders.valueProblem(name, value))
                .ifPresent(
                    problem -> {
                      throw new IllegalArgumentException(problem);
                    });
            request.setHeader(name, value);
          });
      client.execute(
          SimpleRequestProducer.create(request.build()),
          new BasicResponseConsumer<>(new DiscardingEntityConsumer<>()),
          new FutureCallback<Message<HttpResponse, Void>>() {
            @Override
            public void completed(Message<HttpResponse, Void> result) {
              answer.complete(result.getHead().getCode());
            }

            @Override
            public void failed(Exception e) {
              answer.completeExceptionally(e);
            }

            @Override
            public void cancelled() {
              answer.cancel(false);
            }
          });
    } catch (RuntimeException e) {
      answer.completeExceptionally(e);
    }
    return answer;
  }

  /**
   * Why a URL an operator saves (a webhook's) cannot be called, for a 422 at save; empty when it
   * can. A name that does not resolve now is accepted: the guard checks it again at every call.
   */
  public Optional<String> targetProblem(String url) {
    return targetProblem(guard, url);
  }

  /**
   * {@link #targetProblem(String)} with that guard (also for validators tested outside the
   * container).
   */
  public static Optional<String> targetProblem(OutboundGuard guard, String url) {
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException | NullPointerException e) {
      return Optional.of("must be an http or https URL");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
      return Optional.of("must be an http or https URL");
    }
    if (uri.getRawUserInfo() != null) {
      return Optional.of("must not carry a user name or password (use a header)");
    }
    String host = uri.getHost();
    String bare = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
    if (NUMERIC_HOST.matcher(bare).matches() && !DOTTED_QUAD.matcher(bare).matches()) {
      return Optional.of("host '" + host + "' is a numeric form other than a.b.c.d");
    }
    int port = uri.getPort() != -1 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
    InetAddress[] addresses;
    try {
      addresses = InetAddress.getAllByName(bare);
    } catch (UnknownHostException e) {
      return Optional.empty();
    }
    for (InetAddress address : addresses) {
      Optional<String> refusal = guard.refusal(bare, address, port);
      if (refusal.isPresent()) {
        return refusal;
      }
    }
    return Optional.empty();
  }
}
