package io.waymark.scenarios.boundary;

import io.waymark.platform.plugins.Param;
import java.util.List;

/**
 * A registered element type as the builder and the API show it: its key (the document's {@code
 * type}), label, options, and the branches it has.
 */
public record ElementTypeView(
    String key, String label, List<Param> params, boolean negativeBranch, boolean variants) {}
