/**
 * Admin console pages of mail: the template list, the template editor with a live preview, and the
 * outbox.
 */
package io.waymark.mail.admin;
