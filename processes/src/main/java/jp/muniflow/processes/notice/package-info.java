/**
 * The notice port: what a process step needs to issue an official notice ({@link jp.muniflow.processes.notice.NoticeIssuer}),
 * implemented by the engine's notice feature, and the step itself ({@link jp.muniflow.processes.notice.IssueNoticeDelegate}).
 * A named interface of the {@code processes} module, so the engine's features may implement it.
 */
@NamedInterface("notice")
package jp.muniflow.processes.notice;

import org.springframework.modulith.NamedInterface;
