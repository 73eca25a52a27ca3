package io.waymark.mail.boundary;

/**
 * A template to create (all fields) or the new state of one (the code, when given, must be the
 * template's).
 */
public record TemplateChange(
    String code, String name, String subject, String htmlBody, String textBody) {}
