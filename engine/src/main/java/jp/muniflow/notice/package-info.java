/**
 * Official notices: templates (files, and versions administrators publish in the browser), rendering, document numbers, immutable storage, their API and the public
 * verification. Implements the {@code NoticeIssuer} port of the processes.
 */
@ApplicationModule(allowedDependencies = {"audit", "platform", "processes :: notice", "security", "tenants", "ui"})
package jp.muniflow.notice;

import org.springframework.modulith.ApplicationModule;
