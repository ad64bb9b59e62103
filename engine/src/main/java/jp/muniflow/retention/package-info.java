/**
 * Retention by records class (保存年限): how long each process's history, notice and document is kept (data in
 * {@code retention/records-classes.csv}), Camunda's history cleanup by removal time, the disposal of an application's
 * notices and documents with its history after an archive is written, and the legal hold that stops all of it (its
 * page uses the pages' shell, {@code ui}).
 */
@ApplicationModule(allowedDependencies = {"attachment", "audit", "engineadapter", "notice", "platform", "security",
    "subsidy", "tenants", "ui"})
package jp.muniflow.retention;

import org.springframework.modulith.ApplicationModule;
