package jp.muniflow.ui.internal;

import java.util.Locale;
import jp.muniflow.platform.PageController;
import jp.muniflow.ui.PageLayout;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Gives every page controller's model what the header shows ({@link PageLayout}). */
@ControllerAdvice(annotations = PageController.class)
class LayoutAdvice {

  private final PageLayout layout;

  LayoutAdvice(PageLayout layout) {
    this.layout = layout;
  }

  @ModelAttribute
  void layout(org.springframework.ui.Model model, Locale locale, jakarta.servlet.http.HttpServletRequest request) {
    layout.addTo(model, locale, request);
  }
}
