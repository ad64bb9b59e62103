package jp.muniflow.modeling.internal.gate;

import java.util.Date;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.xml.datatype.DatatypeConfigurationException;
import javax.xml.datatype.DatatypeFactory;

/**
 * Checks that a timer cycle fires at most once a minute. Camunda takes an ISO 8601 repeating interval
 * ({@code R/PT5M}, {@code R3/2026-04-01T09:00/P1D}) or a cron expression whose first field is the second
 * ({@code 0 0 9 * * ?}). A cron expression fires at most once a minute exactly when its seconds field is one number.
 */
final class TimerCycles {

  static final long MINIMUM_MILLIS = 60_000;

  private static final Pattern SINGLE_SECOND = Pattern.compile("[0-5]?\\d");
  private static final Pattern ISO_DURATION = Pattern.compile("P(?!$)(\\d+Y)?(\\d+M)?(\\d+W)?(\\d+D)?(T(?=\\d)(\\d+H)?(\\d+M)?(\\d+([.,]\\d+)?S)?)?");

  private TimerCycles() {
  }

  static Optional<Rule> check(String cycle) {
    String text = cycle == null ? "" : cycle.strip();
    if (ExpressionChecker.containsExpression(text)) {
      return Optional.of(Rule.TIMER_CYCLE_EXPRESSION);
    }
    if (text.startsWith("R")) {
      return checkRepeatingInterval(text);
    }
    String[] fields = text.split("\\s+");
    if (fields.length == 6 || fields.length == 7) {
      return SINGLE_SECOND.matcher(fields[0]).matches() ? Optional.empty() : Optional.of(Rule.TIMER_TOO_FREQUENT);
    }
    return Optional.of(Rule.TIMER_CYCLE_UNREADABLE);
  }

  private static Optional<Rule> checkRepeatingInterval(String text) {
    String[] parts = text.split("/");
    for (String part : parts) {
      if (part.startsWith("P")) {
        if (!ISO_DURATION.matcher(part).matches()) {
          return Optional.of(Rule.TIMER_CYCLE_UNREADABLE);
        }
        return millis(part) < MINIMUM_MILLIS ? Optional.of(Rule.TIMER_TOO_FREQUENT) : Optional.empty();
      }
    }
    // start and end without a period: Camunda cannot run it either
    return Optional.of(Rule.TIMER_CYCLE_UNREADABLE);
  }

  /** XML durations know no weeks; ISO 8601's {@code P2W} is {@code P14D}. */
  private static String weeksAsDays(String duration) {
    var m = Pattern.compile("(\\d+)W").matcher(duration);
    return m.find() ? m.replaceFirst(Integer.parseInt(m.group(1)) * 7 + "D") : duration;
  }

  /** The length of a period from now, as Camunda's own duration helper computes it. */
  private static long millis(String isoDuration) {
    try {
      return DatatypeFactory.newInstance().newDuration(weeksAsDays(isoDuration.replace(',', '.'))).getTimeInMillis(new Date());
    } catch (DatatypeConfigurationException e) {
      throw new IllegalStateException("the JDK's XML datatypes are missing", e);
    }
  }
}
