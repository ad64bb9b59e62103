package jp.muniflow.notification;

import java.time.Clock;
import java.util.List;
import jp.muniflow.engineadapter.AsSystem;
import jp.muniflow.notification.internal.SettingStore;
import jakarta.validation.constraints.NotBlank;
import jp.muniflow.platform.OneOf;
import jp.muniflow.platform.RequestChecks;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each user's notification settings: the language of their mail ({@code ja}, the default, or {@code en}) and whether
 * task mail comes at once (the default), in the daily digest, or not at all. The address is their user's in the
 * directory.
 */
@Service
public class NotificationSettings {

  public static final List<String> LANGUAGES = List.of("ja", "en");

  private final SettingStore store;
  private final IdentityService identity;
  private final AsSystem asSystem;
  private final RequestChecks checks;
  private final Clock clock;

  NotificationSettings(SettingStore store, IdentityService identity, AsSystem asSystem, RequestChecks checks,
      Clock clock) {
    this.checks = checks;
    this.store = store;
    this.identity = identity;
    this.asSystem = asSystem;
    this.clock = clock;
  }

  public NotificationSetting of(String userId) {
    SettingStore.Stored s = store.find(userId).orElse(new SettingStore.Stored("ja", TaskMail.IMMEDIATE));
    User user = asSystem.call(() -> identity.createUserQuery().userId(userId).singleResult());
    return new NotificationSetting(userId, s.language(), s.taskMail(), user == null ? null : user.getEmail());
  }

  /** Saves the settings; a language or choice outside the lists is refused (400) and nothing changes. */
  @Transactional
  public NotificationSetting save(String userId, Object language, Object taskMail) {
    Change change = new Change(text(language), text(taskMail));
    checks.check(change);
    store.save(userId, change.language(), TaskMail.valueOf(change.taskMail()), clock.instant());
    return of(userId);
  }

  /** A value sent as JSON may be a number or a flag: it is then refused as not one of the list, like any other. */
  private static String text(Object value) {
    return value == null ? null : value.toString();
  }

  /** A change of the settings, as the page's form or the API sends it. */
  record Change(
      @NotBlank(message = "{input.required}") @OneOf({"ja", "en"}) String language,
      @NotBlank(message = "{input.required}") @OneOf(enumType = TaskMail.class) String taskMail) {
  }
}
