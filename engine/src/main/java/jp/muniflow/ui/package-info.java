/**
 * The pages' shell: the layout's model, the language switch, the error pages, the home page. Its API: who the
 * viewer is ({@code Viewer}), names for the pages ({@code PageText}) and safe return paths ({@code LocalPaths}).
 * Each feature keeps its own pages ({@code @PageController}).
 */
@ApplicationModule(allowedDependencies = {"platform", "security", "tenants"})
package jp.muniflow.ui;

import org.springframework.modulith.ApplicationModule;
