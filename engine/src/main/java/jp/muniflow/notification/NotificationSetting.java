package jp.muniflow.notification;

/**
 * A user's settings: the language of their mail ({@code ja} or {@code en}) and their choice for task mail.
 *
 * @param email the address their mail goes to: their user's address in the directory; null when none is kept
 */
public record NotificationSetting(String userId, String language, TaskMail taskMail, String email) {
}
