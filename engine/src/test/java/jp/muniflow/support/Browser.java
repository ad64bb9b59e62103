package jp.muniflow.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real, headless Chromium for page tests: Debian's {@code chromium} driven through Debian's {@code chromedriver}.
 * Both must be installed ({@code .ci/ensure-browser} installs them); nothing is ever downloaded.
 */
public final class Browser implements AutoCloseable {

  private static final Path CHROMIUM = firstExisting("/usr/bin/chromium", "/usr/bin/chromium-browser");
  private static final Path CHROMEDRIVER = firstExisting("/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver");

  private final ChromeDriver driver;
  private final int port;

  private Browser(int port, Viewport viewport) {
    if (CHROMIUM == null || CHROMEDRIVER == null) {
      throw new IllegalStateException("Browser tests need Debian's chromium and chromedriver "
          + "(apt-get install chromium chromium-driver, or bash .ci/ensure-browser)");
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-dev-shm-usage", "--window-size=" + viewport.width() + "," + viewport.height(), "--lang=ja");
    // Japanese first, as a municipal administrator's browser asks
    options.setExperimentalOption("prefs", java.util.Map.of("intl.accept_languages", "ja"));
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
        .usingAnyFreePort().build();
    this.driver = new ChromeDriver(service, options);
    this.port = port;
    fitTo(viewport);
  }

  /** Opens the browser at an office PC's width (Viewport.DESKTOP), nobody signed in. */
  public static Browser anonymous(int port) {
    return new Browser(port, Viewport.DESKTOP);
  }

  /** Opens the browser at the viewport's width and height, nobody signed in. */
  public static Browser anonymous(int port, Viewport viewport) {
    return new Browser(port, viewport);
  }

  /** Opens the browser at the viewport's width and height and signs in through the login form. */
  public static Browser signedIn(int port, String user, Viewport viewport) {
    Browser browser = anonymous(port, viewport);
    browser.signIn(user);
    return browser;
  }

  /** Opens the browser at an office PC's width (Viewport.DESKTOP) and signs in through the login form. */
  public static Browser signedIn(int port, String user) {
    Browser browser = new Browser(port, Viewport.DESKTOP);
    browser.signIn(user);
    return browser;
  }

  private void signIn(String user) {
    open("/login");
    driver.findElement(By.name("username")).sendKeys(user);
    driver.findElement(By.name("password")).sendKeys(Api.DEMO_PASSWORD);
    driver.findElement(By.cssSelector("main button[type=submit]")).click();
    waitUntil(d -> !d.getCurrentUrl().contains("/login"));
  }

  /** Sets the window's size in CSS pixels (headless, the viewport is the window). */
  public void resize(int width, int height) {
    driver.manage().window().setSize(new org.openqa.selenium.Dimension(width, height));
  }

  /**
   * Gives the page the viewport's width and height: headless Chromium still takes a window frame off the window's
   * height, so the window is made that much taller.
   */
  private void fitTo(Viewport viewport) {
    resize(viewport.width(), viewport.height());
    int shortBy = viewport.height() - ((Number) driver.executeScript("return window.innerHeight;")).intValue();
    if (shortBy > 0) {
      resize(viewport.width(), viewport.height() + shortBy);
    }
  }

  /** Signs in as another user in the same browser: signs the current user out first, as a shared PC would be used. */
  public void signInAs(String user) {
    if (!driver.findElements(By.id("logout")).isEmpty()) {
      // on a phone, sign-out is inside the header's menu
      var menu = driver.findElements(By.id("menu-button"));
      if (!driver.findElement(By.id("logout")).isDisplayed() && !menu.isEmpty() && menu.get(0).isDisplayed()) {
        menu.get(0).click();
      }
      driver.findElement(By.id("logout")).click();
      waitUntil(d -> d.getCurrentUrl().contains("/login") ? true : null);
    }
    open("/login");
    driver.findElement(By.name("username")).sendKeys(user);
    driver.findElement(By.name("password")).sendKeys(Api.DEMO_PASSWORD);
    driver.findElement(By.cssSelector("main button[type=submit]")).click();
    waitUntil(d -> !d.getCurrentUrl().contains("/login"));
  }

  /** The session cookie, for downloading what a page links to with a plain HTTP client. */
  public String sessionCookie() {
    return driver.manage().getCookieNamed("JSESSIONID").getValue();
  }

  public WebDriver driver() {
    return driver;
  }

  public void open(String path) {
    driver.get("http://localhost:" + port + path);
  }

  public <T> T waitUntil(java.util.function.Function<WebDriver, T> condition) {
    return waitUntil(condition, Duration.ofSeconds(30));
  }

  /** For what the job executor does behind the page (a migration batch), which takes longer on a busy machine. */
  public <T> T waitUntil(java.util.function.Function<WebDriver, T> condition, Duration timeout) {
    // a page being replaced by the next one leaves stale elements behind: look again
    return new WebDriverWait(driver, timeout).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
        .until(condition::apply);
  }

  /** Keeps what the browser shows under target/screenshots, for whoever looks into a failed or a green run. */
  public void screenshot(String name) {
    try {
      Path dir = Path.of("target", "screenshots");
      Files.createDirectories(dir);
      Files.write(dir.resolve(name + ".png"), driver.getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /**
   * A screenshot for the user guides: kept under target/screenshots, and written to docs/images/guide only when the
   * build is asked to ({@code -Dmuniflow.guide.screenshots=true}), so that ordinary runs leave the docs alone.
   */
  public void guideScreenshot(String name) {
    guideScreenshot(name, null);
  }

  /** A guide's screenshot with the element of the selector at the top of the window (the page's top if null). */
  public void guideScreenshot(String name, String topCss) {
    ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(
        "if (document.activeElement) document.activeElement.blur();"
        + "const e = arguments[0] && document.querySelector(arguments[0]);"
        + "if (e) e.scrollIntoView(); else window.scrollTo(0, 0);", topCss);
    screenshot("guide-" + name);
    if (Boolean.getBoolean("muniflow.guide.screenshots")) {
      try {
        Path dir = Path.of("..", "docs", "images", "guide");
        Files.createDirectories(dir);
        Files.write(dir.resolve(name + ".png"), driver.getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
  }

  @Override
  public void close() {
    driver.quit();
  }

  private static Path firstExisting(String... candidates) {
    for (String c : candidates) {
      if (Files.isExecutable(Path.of(c))) {
        return Path.of(c);
      }
    }
    return null;
  }
}
