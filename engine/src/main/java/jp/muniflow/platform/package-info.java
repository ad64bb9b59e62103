/**
 * What every feature stands on: problem details and their messages, refusals of access, the Japanese calendar
 * and the clock, field checks, HTTP limits, one node at a time for start-up work. Depends on no other module.
 */
@ApplicationModule(allowedDependencies = {})
package jp.muniflow.platform;

import org.springframework.modulith.ApplicationModule;
