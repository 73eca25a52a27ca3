package io.waymark.platform.api;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A request as the container hands it to the filter: the raw headers a client sent, its address and
 * the attributes set on it. Only what the API filter touches is answered; anything else fails
 * loudly so a test never passes on a silent default.
 */
final class RawRequest {

  private final Map<String, List<String>> headers = new LinkedHashMap<>();
  private final Map<String, Object> attributes = new HashMap<>();
  private String remoteAddr = "127.0.0.1";
  private String queryString;
  private String httpMethod = "POST";
  private String path = "/v1/users";

  RawRequest header(String name, String value) {
    headers.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
    return this;
  }

  RawRequest from(String address) {
    this.remoteAddr = address;
    return this;
  }

  /** The request line: a method and a path below the API's context root ({@code /v1/...}). */
  RawRequest to(String method, String path) {
    this.httpMethod = method;
    this.path = path;
    return this;
  }

  RawRequest query(String raw) {
    this.queryString = raw;
    return this;
  }

  Object attribute(String name) {
    return attributes.get(name);
  }

  HttpServletRequest build() {
    return (HttpServletRequest)
        Proxy.newProxyInstance(
            getClass().getClassLoader(),
            new Class<?>[] {HttpServletRequest.class},
            (proxy, method, args) ->
                switch (method.getName()) {
                  case "getContentType" -> first("Content-Type");
                  case "getHeader" -> first((String) args[0]);
                  case "getHeaders" -> Collections.enumeration(values((String) args[0]));
                  case "getHeaderNames" -> Collections.enumeration(headers.keySet());
                  case "getRemoteAddr" -> remoteAddr;
                  case "getQueryString" -> queryString;
                  case "getMethod" -> httpMethod;
                  case "getContextPath" -> "/api";
                  case "getRequestURI" -> "/api" + path;
                  case "getAttribute" -> attributes.get((String) args[0]);
                  case "setAttribute" -> attributes.put((String) args[0], args[1]);
                  case "toString" -> "RawRequest" + headers;
                  default -> throw new UnsupportedOperationException(method.getName());
                });
  }

  /** A response the filter must only pass along untouched. */
  static HttpServletResponse untouchedResponse() {
    return (HttpServletResponse)
        Proxy.newProxyInstance(
            RawRequest.class.getClassLoader(),
            new Class<?>[] {HttpServletResponse.class},
            (proxy, method, args) -> {
              if (method.getName().equals("toString")) {
                return "untouchedResponse";
              }
              throw new UnsupportedOperationException(method.getName());
            });
  }

  // Header names are case-insensitive, as a servlet container treats them.
  private List<String> values(String name) {
    for (var entry : headers.entrySet()) {
      if (entry.getKey().toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))) {
        return entry.getValue();
      }
    }
    return List.of();
  }

  private String first(String name) {
    List<String> values = values(name);
    return values.isEmpty() ? null : values.get(0);
  }
}
