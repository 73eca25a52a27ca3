package io.waymark.platform.json;

import jakarta.json.spi.JsonProvider;

/**
 * The one JSON-P provider of the application. {@code jakarta.json.Json.createX(...)} looks the
 * provider up with a ServiceLoader on every call, scanning the class loaders of the EAR — measured
 * as the dominant cost of a request — so every JSON reader, writer and builder comes from this
 * cached instance instead.
 */
public final class JsonSupport {

  public static final JsonProvider JSON = JsonProvider.provider();

  private JsonSupport() {}
}
