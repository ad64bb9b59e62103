package jp.muniflow.processes.notice;

import java.util.SortedMap;

/**
 * The port that says whether a notice template exists, implemented by the engine's notice feature: the deployment gate
 * asks it for a model's {@code templateKey}, so that a model naming a template nobody wrote is refused when it is
 * deployed rather than failing when a municipality's application reaches the step; the modeler lists the templates
 * that exist so that an administrator picks one instead of typing its key.
 */
public interface NoticeTemplateCatalog {

  /** Whether a template of this key exists for every issuer (at the shared level, in Japanese). */
  boolean exists(String templateKey);

  /** The templates that exist for every issuer: key to the notice's Japanese title, sorted by key. */
  SortedMap<String, String> titles();
}
