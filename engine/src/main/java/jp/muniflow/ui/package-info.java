/**
 * The pages' shell: the layout's model, the language switch, the error pages, the home page. Its API: who the
 * viewer is ({@code Viewer}), names for the pages ({@code PageText}), safe return paths ({@code LocalPaths}), the
 * header's model for a page drawn outside the usual way ({@code PageLayout}) and the list pages' links ({@code Pager}).
 * Each feature keeps its own pages ({@code @PageController}).
 */
@ApplicationModule(allowedDependencies = {"platform", "security", "tenants"})
package jp.muniflow.ui;

import org.springframework.modulith.ApplicationModule;
