package jp.muniflow.journeys;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import jp.muniflow.support.Browser;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/** What the page tests do again and again in the browser, as a user does it. */
final class Pages {

  private final Browser browser;
  private final int port;

  Pages(Browser browser, int port) {
    this.browser = browser;
    this.port = port;
  }

  WebDriver driver() {
    return browser.driver();
  }

  /** The element, waiting for it while the page loads. */
  WebElement find(String css) {
    return browser.waitUntil(d -> d.findElement(By.cssSelector(css)));
  }

  /** Runs a journey; when it fails, keeps the page it failed on (screenshot and source) for whoever looks into it. */
  void journey(Runnable steps) {
    try {
      steps.run();
    } catch (RuntimeException | AssertionError e) {
      browser.screenshot("failed-" + System.currentTimeMillis());
      System.out.println("page at failure: " + driver().getCurrentUrl() + "\n" + driver().getPageSource());
      throw e;
    }
  }

  String text(String css) {
    return find(css).getText();
  }

  void type(String id, String value) {
    WebElement e = find("#" + id);
    e.clear();
    e.sendKeys(value);
  }

  /** A date input takes the value as the date picker would set it (typing depends on the browser's locale). */
  void date(String id, String isoDate) {
    ((JavascriptExecutor) driver()).executeScript("arguments[0].value = arguments[1];", driver().findElement(By.id(id)),
        isoDate);
  }

  void click(String css) {
    find(css).click();
  }

  /** Opens the task list until the task of the business key shows (the engine creates it a moment later). */
  WebElement awaitTaskRow(String businessKey, String taskKey) {
    String css = "tr[data-business-key='" + businessKey + "'][data-task-key='" + taskKey + "']";
    browser.open("/tasks");
    return browser.waitUntil(d -> {
      List<WebElement> rows = d.findElements(By.cssSelector(css));
      if (rows.isEmpty()) {
        sleep();
        d.navigate().refresh();
        return null;
      }
      return rows.get(0);
    });
  }

  /** Opens the task of the business key from the task list, claiming it first as the list offers. */
  String openTask(String businessKey, String taskKey) {
    WebElement row = awaitTaskRow(businessKey, taskKey);
    String taskId = row.getDomAttribute("data-task-id");
    List<WebElement> claim = row.findElements(By.cssSelector("button.claim"));
    if (!claim.isEmpty()) {
      claim.get(0).click();
      browser.waitUntil(d -> d.findElements(By.id("flash")).isEmpty() ? null : true);
      row = awaitTaskRow(businessKey, taskKey);
    }
    row.findElement(By.cssSelector("td a")).click();
    browser.waitUntil(d -> d.findElements(By.id("task-form")).isEmpty() ? null : true);
    return taskId;
  }

  /**
   * Completes the task as a person would: an outcome that cannot be undone (a grant, a refusal, the council's approval)
   * asks in a dialog what it will issue, and is answered "OK".
   */
  void complete() {
    click("#task-complete");
    try {
      browser.driver().switchTo().alert().accept();
    } catch (org.openqa.selenium.NoAlertPresentException e) {
      // an outcome that can be undone asks nothing
    }
    browser.waitUntil(d -> d.getCurrentUrl().endsWith("/tasks") || !d.findElements(By.id("form-error")).isEmpty() ? true : null);
  }

  /** Reloads the page until the text shows in the element. */
  void awaitText(String css, String expected) {
    browser.waitUntil(d -> {
      List<WebElement> found = d.findElements(By.cssSelector(css));
      if (!found.isEmpty() && found.get(0).getText().contains(expected)) {
        return true;
      }
      sleep();
      d.navigate().refresh();
      return null;
    });
  }

  /**
   * Attaches the two documents an application requires (事業計画書, 収支予算書) in the new application's form: the
   * page's script sends each file as soon as it is chosen and lists it.
   */
  void attachRequiredDocuments() {
    attach("business-plan", tempFile("事業計画書.pdf", jp.muniflow.support.TestFiles.pdf("Business plan")));
    attach("budget", tempFile("収支予算書.xlsx", jp.muniflow.support.TestFiles.xlsx("1,000,000")));
  }

  void attach(String kind, String path) {
    find("#file-" + kind).sendKeys(path);
    String name = java.nio.file.Path.of(path).getFileName().toString();
    browser.waitUntil(d -> d.findElements(By.cssSelector(".document-kind[data-kind='" + kind + "'] .file-name")).stream()
        .anyMatch(e -> e.getText().equals(name)) ? true : null);
  }

  static String tempFile(String name, byte[] content) {
    try {
      java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("mf-page-files");
      return java.nio.file.Files.write(dir.resolve(name), content).toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Downloads what a link of the page points to, in the browser's session. */
  HttpResponse<byte[]> download(String href) {
    String url = href.startsWith("http") ? href : "http://localhost:" + port + href;
    HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
        .header("Cookie", "JSESSIONID=" + browser.sessionCookie()).GET().build();
    try {
      return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static void sleep() {
    try {
      Thread.sleep(300);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
