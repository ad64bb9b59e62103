/**
 * Official notices: templates, rendering, document numbers, immutable storage, their API and the public
 * verification. Implements the {@code NoticeIssuer} port of the processes.
 */
@ApplicationModule(allowedDependencies = {"platform", "processes :: notice", "security", "tenants", "ui"})
package jp.muniflow.notice;

import org.springframework.modulith.ApplicationModule;
