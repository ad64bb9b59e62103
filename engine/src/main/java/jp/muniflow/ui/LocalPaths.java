package jp.muniflow.ui;

/** Where a page may send the browser back to after a form: only a path of this site. */
public final class LocalPaths {

  private LocalPaths() {
  }

  /**
   * The path itself if it is a path of this site, else {@code /}: an address of another site would turn every "back"
   * parameter into an open redirect.
   */
  public static String of(String back) {
    if (back == null || !back.startsWith("/") || back.startsWith("//") || back.contains("\\") || back.contains("\r")
        || back.contains("\n")) {
      return "/";
    }
    return back;
  }
}
