package io.waymark.platform.criteria;

import jakarta.json.JsonObject;

/**
 * One criterion of a bound tree as a log or a dry run shows it: its key and parameters, the value
 * it found ({@code actual}, null when the database compares) and its outcome (null when the
 * database decides).
 */
public record Explained(String key, JsonObject params, String actual, Boolean outcome) {}
