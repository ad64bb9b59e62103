package jp.muniflow.notification;

import java.time.Instant;

/**
 * One in-app notice (お知らせ) of a user, with its title in the viewer's language.
 *
 * @param link the page where the user acts, as a path ({@code /tasks/…})
 * @param read whether the user marked it as read
 */
public record Notification(String id, String kind, String title, String link, Instant createdAt, boolean read) {
}
