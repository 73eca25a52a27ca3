package io.waymark.platform.error;

/**
 * One validation detail: a field path such as {@code items[3].goal_code} and what is wrong with it.
 */
public record FieldError(String path, String message) {}
