package io.waymark.tokens.boundary;

import java.util.List;

/** A new token, or a partial update of one: null fields stay as they are. */
public record ApiTokenChange(
    String name, Boolean active, String ipRestrictions, List<String> resources) {}
