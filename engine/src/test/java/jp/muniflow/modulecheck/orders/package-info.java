@ApplicationModule(allowedDependencies = "billing")
package jp.muniflow.modulecheck.orders;

import org.springframework.modulith.ApplicationModule;
