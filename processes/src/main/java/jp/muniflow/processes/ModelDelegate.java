package jp.muniflow.processes;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a delegate bean that BPMN models may call as {@code camunda:delegateExpression="${beanName}"}. The deployment
 * gate allows exactly these beans and no other expression that calls code: an administrator's model can use the
 * steps MuniFlow offers, never arbitrary methods of arbitrary beans.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface ModelDelegate {
}
