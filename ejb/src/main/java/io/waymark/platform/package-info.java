/**
 * Cross-cutting concerns shared by every feature: errors, database migrations, time, security,
 * messaging.
 */
package io.waymark.platform;
