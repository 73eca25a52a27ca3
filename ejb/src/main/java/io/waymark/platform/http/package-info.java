/**
 * Every HTTP call Waymark makes to another system (webhooks, REMP Campaign, and later the SMS
 * gateway, OAuth and integrations) goes through {@link io.waymark.platform.http.OutboundHttp}:
 * Apache HttpClient 5 whose DNS resolver lets the {@link io.waymark.platform.http.OutboundGuard}
 * check every resolved address at connect time (no loopback, private, link-local, metadata,
 * multicast targets unless allowed by {@code waymark.outbound.allowed-hosts}), redirects off,
 * hop-by-hop and {@code Host} headers refused.
 */
package io.waymark.platform.http;
