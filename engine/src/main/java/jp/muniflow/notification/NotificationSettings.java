package jp.muniflow.notification;

import java.time.Clock;
import java.util.List;
import jp.muniflow.engineadapter.AsSystem;
import jp.muniflow.notification.internal.SettingStore;
import jp.muniflow.platform.FieldChecks;
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
  private final Clock clock;

  NotificationSettings(SettingStore store, IdentityService identity, AsSystem asSystem, Clock clock) {
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
    FieldChecks checks = new FieldChecks();
    String lang = checks.oneOf("language", language, LANGUAGES);
    String mail = checks.oneOf("taskMail", taskMail, java.util.Arrays.stream(TaskMail.values()).map(Enum::name).toList());
    checks.throwIfAny();
    store.save(userId, lang, TaskMail.valueOf(mail), clock.instant());
    return of(userId);
  }
}
