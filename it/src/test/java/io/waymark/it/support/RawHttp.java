package io.waymark.it.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket, for what java.net.http will not send: a forged {@code Host} header,
 * and a connection from another loopback address (127.0.0.2, the suite's "trusted proxy") than the
 * tests' own 127.0.0.1. Redirects are not followed: the answer is what the server sent.
 */
public final class RawHttp {

  /** The address the IT server trusts as a reverse proxy ({@code waymark.proxy.trusted}). */
  public static final String TRUSTED_PROXY = "127.0.0.2";

  public record Reply(int status, Map<String, List<String>> headers, String body) {
    public String header(String name) {
      List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
      return values == null ? null : values.get(0);
    }

    /** {@code NAME=value} of a cookie the answer sets, or null. */
    public String cookie(String name) {
      for (String set : headers.getOrDefault("set-cookie", List.of())) {
        String pair = set.split(";", 2)[0].strip();
        if (pair.startsWith(name + "=")) {
          return pair;
        }
      }
      return null;
    }

    /** The status line's code, the headers and the body as one text, for "never appears" checks. */
    public String all() {
      return status + "\n" + headers + "\n" + body;
    }
  }

  private final String localAddress;
  private final URI base;
  private final Map<String, String> headers = new LinkedHashMap<>();

  private RawHttp(String localAddress, URI base) {
    this.localAddress = localAddress;
    this.base = base;
  }

  /** Requests from the tests' own address. */
  public static RawHttp direct() {
    return new RawHttp(null, URI.create(TestServer.BASE));
  }

  /** Requests to another instance (the launcher's), from the tests' own address. */
  public static RawHttp at(String baseUrl) {
    return new RawHttp(null, URI.create(baseUrl));
  }

  /** Requests whose connection comes from this loopback address. */
  public static RawHttp from(String localAddress) {
    return new RawHttp(localAddress, URI.create(TestServer.BASE));
  }

  public RawHttp header(String name, String value) {
    RawHttp copy = new RawHttp(localAddress, base);
    copy.headers.putAll(headers);
    copy.headers.put(name, value);
    return copy;
  }

  public Reply get(String path) {
    return send("GET", path, null, null);
  }

  public Reply postJson(String path, String json) {
    return send("POST", path, "application/json", json);
  }

  public Reply postForm(String path, Map<String, String> form) {
    return send("POST", path, "application/x-www-form-urlencoded", ConsoleForms.encode(form));
  }

  private Reply send(String method, String path, String contentType, String body) {
    byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
    StringBuilder head = new StringBuilder(method + " " + path + " HTTP/1.1\r\n");
    if (!headers.containsKey("Host")) {
      head.append("Host: ").append(base.getRawAuthority()).append("\r\n");
    }
    headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
    if (contentType != null) {
      head.append("Content-Type: ").append(contentType).append("\r\n");
    }
    if (body != null) {
      head.append("Content-Length: ").append(content.length).append("\r\n");
    }
    head.append("Connection: close\r\n\r\n");
    try (Socket socket = new Socket()) {
      socket.setSoTimeout(30_000);
      if (localAddress != null) {
        socket.bind(new InetSocketAddress(localAddress, 0));
      }
      socket.connect(new InetSocketAddress(base.getHost(), base.getPort()), 10_000);
      OutputStream out = socket.getOutputStream();
      out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
      out.write(content);
      out.flush();
      return parse(socket.getInputStream().readAllBytes());
    } catch (IOException e) {
      throw new AssertionError(method + " " + path + " failed: " + e, e);
    }
  }

  private static Reply parse(byte[] raw) throws IOException {
    String text = new String(raw, StandardCharsets.ISO_8859_1);
    int end = text.indexOf("\r\n\r\n");
    if (end < 0) {
      throw new IOException("no complete answer: " + text);
    }
    String[] lines = text.substring(0, end).split("\r\n");
    int status = Integer.parseInt(lines[0].split(" ")[1]);
    Map<String, List<String>> headers = new LinkedHashMap<>();
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      headers
          .computeIfAbsent(
              lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
          .add(lines[i].substring(colon + 1).strip());
    }
    InputStream rest = new java.io.ByteArrayInputStream(raw, end + 4, raw.length - end - 4);
    List<String> encoding = headers.getOrDefault("transfer-encoding", List.of());
    byte[] body =
        encoding.stream().anyMatch(v -> v.equalsIgnoreCase("chunked"))
            ? unchunk(rest)
            : rest.readAllBytes();
    return new Reply(status, headers, new String(body, StandardCharsets.UTF_8));
  }

  private static byte[] unchunk(InputStream in) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    while (true) {
      String size = line(in).split(";", 2)[0].strip();
      int length = size.isEmpty() ? 0 : Integer.parseInt(size, 16);
      if (length == 0) {
        return out.toByteArray();
      }
      out.write(in.readNBytes(length));
      line(in); // the CRLF after the chunk
    }
  }

  private static String line(InputStream in) throws IOException {
    StringBuilder line = new StringBuilder();
    int c;
    while ((c = in.read()) >= 0 && c != '\n') {
      if (c != '\r') {
        line.append((char) c);
      }
    }
    return line.toString();
  }
}
