/**
 * Mail: email templates (Pebble subject, HTML and text), an outbox written in the caller's
 * transaction with the message rendered at that moment, and a timer that sends it through Jakarta
 * Mail with retries (ADR 0012).
 */
package io.waymark.mail;
