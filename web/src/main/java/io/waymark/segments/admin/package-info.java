/**
 * The segments pages of the admin console: the list, the builder (criteria tree editor with a live
 * count), a segment's page.
 */
package io.waymark.segments.admin;
