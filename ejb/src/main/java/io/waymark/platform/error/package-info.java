/**
 * The error model shared by every feature: typed exceptions the web tier maps to the JSON error
 * body.
 */
package io.waymark.platform.error;
