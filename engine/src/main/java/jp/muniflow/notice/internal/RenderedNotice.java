package jp.muniflow.notice.internal;

/** A notice rendered: its title and subject as printed, and the PDF. */
public record RenderedNotice(String title, String subject, byte[] pdf) {
}
