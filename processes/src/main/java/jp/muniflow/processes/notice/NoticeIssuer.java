package jp.muniflow.processes.notice;

/**
 * The port through which a process step issues an official notice. The engine module implements it (rendering,
 * numbering, storage); processes only say which notice, for whom, from whom, with which values.
 *
 * <p>Implementations must be idempotent per {@code (processInstanceId, stepKey)}: issuing the same step again
 * returns the notice issued the first time, so a retried job never produces a second notice.
 */
public interface NoticeIssuer {

  IssuedNotice issue(NoticeRequest request);
}
