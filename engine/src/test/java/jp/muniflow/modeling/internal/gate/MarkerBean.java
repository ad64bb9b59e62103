package jp.muniflow.modeling.internal.gate;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.stereotype.Component;

/**
 * A bean that is NOT a model delegate, called by the forbidden models' expressions ({@code ${markerBean.mark()}}):
 * it counts every call, so a test can show that a refused model never ran.
 */
@Component("markerBean")
public class MarkerBean {

  public final AtomicInteger marks = new AtomicInteger();

  public int mark() {
    return marks.incrementAndGet();
  }

  public List<String> reviewers() {
    marks.incrementAndGet();
    return List.of("admin");
  }
}
