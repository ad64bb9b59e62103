package jp.muniflow.subsidy;

import java.time.Clock;
import jp.muniflow.system.JapanTime;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/** The demo opens the current fiscal year at once, so that staff can submit right away. */
@Component
@Profile("demo")
class DemoSubsidyYear implements SmartInitializingSingleton {

  private final SubsidyYears years;
  private final Clock clock;

  DemoSubsidyYear(SubsidyYears years, Clock clock) {
    this.years = years;
    this.clock = clock;
  }

  @Override
  public void afterSingletonsInstantiated() {
    int current = JapanTime.currentFiscalYear(clock);
    if (!years.isOpen(current)) {
      years.open(current, SubsidyYears.DEFAULT_CAP, "demo");
    }
  }
}
