/**
 * The one template engine (DESIGN §4a): Pebble with a string loader, HTML auto-escaped or not, and
 * the limits every render runs under — output size, loop iterations and macro calls, a range's
 * length, a deadline — each named in the error when it is hit. Mail uses it; SMS, PDF letters and
 * webhook bodies are meant to.
 */
package io.waymark.platform.templates;
