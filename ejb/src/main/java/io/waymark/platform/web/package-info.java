/**
 * The HTTP edge as clients see it: the externally visible base URL ({@code waymark.public-url})
 * that every redirect is built from, never the request's {@code Host} header, and the client's
 * address behind trusted reverse proxies ({@code waymark.proxy.trusted}) for the login throttle and
 * API token IP restrictions.
 */
package io.waymark.platform.web;
