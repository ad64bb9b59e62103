/**
 * People are told (docs/operations.md, Mail): mail through the installation's SMTP server and the in-app お知らせ, for the
 * events of the other features — a task assigned to a user or offered to their group, a correction's reminder and its
 * deadline three days ahead, a lapse, a notice issued to a municipality, a plan waiting for a secretariat's review, a campaign's reminder to a municipality that has not yet submitted.
 * Mail goes through an outbox written in the event's transaction and is sent after commit, with retries; each user
 * chooses their language and whether task mail comes at once, in a daily digest at 08:30 JST, or not at all. Its API:
 * the in-app list ({@code Notifications}), the settings ({@code NotificationSettings}) and the outbox for
 * administrators ({@code MailOutbox}).
 */
@ApplicationModule(allowedDependencies = {"audit", "engineadapter", "notice", "platform", "processes :: campaign",
    "security", "subsidy", "substitution", "task", "tenants", "ui"})
package jp.muniflow.notification;

import org.springframework.modulith.ApplicationModule;
