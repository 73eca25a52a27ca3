/**
 * Segments: criteria trees compiled to parameterised SQL, goal segments, counts, membership checks.
 */
package io.waymark.segments;
