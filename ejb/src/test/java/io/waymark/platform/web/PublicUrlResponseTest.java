package io.waymark.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.HttpServletResponse;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the container's response receives from the wrapper for each way a redirect is made. */
class PublicUrlResponseTest {

  private final List<String> calls = new ArrayList<>();

  /** A container response that records the calls the wrapper passes on. */
  private HttpServletResponse container() {
    return (HttpServletResponse)
        Proxy.newProxyInstance(
            getClass().getClassLoader(),
            new Class<?>[] {HttpServletResponse.class},
            (proxy, method, args) -> {
              if (method.getName().equals("isCommitted")) {
                return false;
              }
              calls.add(method.getName() + (args == null ? "" : List.of(args)));
              return null;
            });
  }

  private HttpServletResponse wrapped(String publicUrl) {
    return new PublicUrlResponse(
        container(), PublicUrl.parse(publicUrl), "http://evil.example", "/admin/goals/");
  }

  @Test
  void aRedirectGoesToThePublicUrl() throws Exception {
    wrapped("https://waymark.example.com").sendRedirect("/login.xhtml");
    assertThat(calls).containsExactly("sendRedirect[https://waymark.example.com/login.xhtml]");
  }

  @Test
  void withoutAPublicUrlTheRedirectKeepsItsPathInsteadOfTheContainersHost() throws Exception {
    wrapped(null).sendRedirect("list.xhtml");
    assertThat(calls)
        .containsExactly(
            "resetBuffer",
            "setStatus[302]",
            "setHeader[Location, /admin/goals/list.xhtml]",
            "flushBuffer");
  }

  @Test
  void locationHeadersAreRewrittenAndOthersPassAsTheyAre() {
    HttpServletResponse response = wrapped("https://waymark.example.com");
    response.setHeader("Location", "http://evil.example/api/v1/onboarding-goals/x");
    response.addHeader("location", "/api/v1/x");
    response.setHeader("X-Other", "http://evil.example/");
    assertThat(calls)
        .containsExactly(
            "setHeader[Location, https://waymark.example.com/api/v1/onboarding-goals/x]",
            "addHeader[location, https://waymark.example.com/api/v1/x]",
            "setHeader[X-Other, http://evil.example/]");
  }
}
