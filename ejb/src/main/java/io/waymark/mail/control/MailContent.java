package io.waymark.mail.control;

/**
 * A subject with its HTML and text bodies: the Pebble sources of a template, or what they rendered
 * to.
 */
public record MailContent(String subject, String html, String text) {}
