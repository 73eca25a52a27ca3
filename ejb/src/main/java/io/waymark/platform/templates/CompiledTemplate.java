package io.waymark.platform.templates;

import io.pebbletemplates.pebble.template.PebbleTemplate;

/** A parsed template, ready to render with {@link Templates} (an empty source renders empty). */
public final class CompiledTemplate {

  static final CompiledTemplate EMPTY = new CompiledTemplate(null);

  private final PebbleTemplate pebble;

  CompiledTemplate(PebbleTemplate pebble) {
    this.pebble = pebble;
  }

  PebbleTemplate pebble() {
    return pebble;
  }

  boolean isEmpty() {
    return pebble == null;
  }
}
