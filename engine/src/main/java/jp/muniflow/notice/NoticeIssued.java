package jp.muniflow.notice;

/**
 * A notice was issued (stored for the first time; a retried step that finds its notice issues none). Published in the
 * transaction that stores it, so a listener's writes commit or roll back with the notice.
 */
public record NoticeIssued(Notice notice) {
}
