package jp.muniflow.support;

/**
 * The two widths the page tests open the browser at (issue 20): an office PC's common 1366 px screen and a phone's
 * 390 CSS pixels. A guide's screenshot at the phone's width carries the suffix "-phone".
 */
public enum Viewport {

  DESKTOP(1366, 900, ""),
  PHONE(390, 844, "-phone");

  private final int width;
  private final int height;
  private final String guideSuffix;

  Viewport(int width, int height, String guideSuffix) {
    this.width = width;
    this.height = height;
    this.guideSuffix = guideSuffix;
  }

  public int width() {
    return width;
  }

  public int height() {
    return height;
  }

  /** The name of a guide's screenshot at this width: the desktop's as it is, the phone's with "-phone". */
  public String guideName(String name) {
    return name + guideSuffix;
  }
}
