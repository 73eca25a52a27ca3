package io.waymark.platform.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * How an endpoint is called: who may call it and what body it takes. The filters follow it ({@link
 * EndpointFeature} for authentication, Idempotency-Key and XML parsing, {@link ApiServletFilter}
 * for the Content-Type JAX-RS sees). Without it an endpoint is an {@link ApiResource}'s: an API
 * token granted that resource, a JSON body. {@link EndpointDeclaration} checks the combinations.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Endpoint {

  Auth auth() default Auth.API_TOKEN;

  /** The bodies it takes; JSON endpoints read their text whatever the Content-Type says. */
  Body[] body() default Body.JSON;

  /**
   * For {@link Auth#SHARED_SECRET}: the prefix of its own configuration keys, {@code
   * <secret>.token}, {@code <secret>.allowed-ips} and {@code <secret>.open} ({@link SharedSecret}).
   */
  String secret() default "";

  /** Who may call an endpoint. */
  enum Auth {
    /**
     * {@code Authorization: Bearer} with an API token granted the endpoint's {@link ApiResource}.
     */
    API_TOKEN,
    /** {@code Authorization: Bearer} with a user token ({@code wmu_…}, from login). */
    USER_TOKEN,
    /** Anyone (login). */
    PUBLIC,
    /**
     * A system configured with a secret and/or an IP allow-list of the endpoint's own (a gateway's
     * webhook): {@link SharedSecret}. Refuses everything when neither is configured, unless the
     * endpoint's {@code open} flag is set.
     */
    SHARED_SECRET
  }

  /** What an endpoint's request body is. */
  enum Body {
    /**
     * JSON whatever the Content-Type says (SPEC §1); the resource reads the text ({@link
     * JsonBody}).
     */
    JSON,
    /** {@code application/x-www-form-urlencoded} (login, beside JSON). */
    FORM,
    /**
     * XML whatever the Content-Type says, parsed before the resource by {@link XmlBody}: no
     * DOCTYPE, no external entities, at most {@link XmlBody#MAX_BYTES}; else 400 {@code
     * malformed_xml}.
     */
    XML,
    /**
     * {@code multipart/form-data}, streamed by the resource: its Content-Type (with the boundary)
     * reaches JAX-RS as sent, and no filter buffers the body — so the Idempotency-Key filter is not
     * in front of it; such an endpoint checks its key itself, hashing the parts while it streams
     * them (SPEC §7a, the import).
     */
    MULTIPART
  }
}
