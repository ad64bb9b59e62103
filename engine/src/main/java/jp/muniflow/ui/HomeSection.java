package jp.muniflow.ui;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import jp.muniflow.security.MuniFlowUser;

/**
 * A part of the home page that a feature adds (open tasks, applications by status, the remaining cap, the latest
 * notices): the home page lists what each feature shows the signed-in user without knowing the features, which
 * depend on this module and not the other way round.
 */
public interface HomeSection {

  /** Where the section stands on the home page: smaller first. */
  int order();

  /** What the section shows this user; empty when it has nothing for them. */
  Optional<Shown> shownTo(MuniFlowUser user, Locale locale);

  /**
   * A template holding the fragment {@code section(v)} and the values it shows.
   *
   * @param template the template's name ({@code task/home})
   * @param values what the fragment reads as {@code v}
   */
  record Shown(String template, Map<String, Object> values) {
  }
}
