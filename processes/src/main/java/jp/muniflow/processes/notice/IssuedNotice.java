package jp.muniflow.processes.notice;

/** A notice that exists: its id and its document number (e.g. {@code 24特区協第15号}). */
public record IssuedNotice(String id, String documentNumber) {
}
