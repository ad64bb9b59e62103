package jp.muniflow.notification.internal;

/** A mail as its templates render it: subject, plain text, and HTML (null when the template has no HTML part). */
public record RenderedMail(String subject, String text, String html) {
}
