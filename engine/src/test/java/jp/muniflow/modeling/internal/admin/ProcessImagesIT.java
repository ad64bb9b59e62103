package jp.muniflow.modeling.internal.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import jp.muniflow.support.Browser;
import jp.muniflow.support.MuniFlowIntegrationTest;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The shipped processes drawn by bpmn-js, as the modeler page shows them, exported as SVG and PNG for the docs
 * ({@code docs/processes.md}). Every run draws them and checks the drawing; only with
 * {@code -Dmuniflow.docs.images=true} are they written into {@code docs/images/} (else under {@code target/}), so
 * that an ordinary build leaves the working tree clean.
 */
@MuniFlowIntegrationTest
class ProcessImagesIT {

  static final String WRITE_DOCS = "muniflow.docs.images";

  @LocalServerPort
  int port;

  @Autowired
  RepositoryService repository;

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
      "subsidyReview, process-subsidy-review, 受付通知書, 補正依頼書",
      "programPlanApproval, process-plan-approval, 報道資料, 修正を記録",
      "subsidyPayment, process-subsidy-payment, 支払通知書, 返還請求書",
      "ghgCampaign, process-ghg-campaign, 提出期間, 集計表の公表",
      "ghgEmissionsReport, process-ghg-report, 排出量の確認, 排出量の修正"})
  void the_shipped_process_is_drawn_with_its_japanese_labels(String key, String file, String oneTask, String otherTask)
      throws IOException {
    ProcessDefinition shared = repository.createProcessDefinitionQuery().processDefinitionKey(key).withoutTenantId()
        .latestVersion().singleResult();

    String svg;
    byte[] png;
    try (Browser browser = Browser.signedIn(port, "admin")) {
      browser.open("/admin/definitions/" + shared.getId());
      browser.waitUntil(d -> "true".equals(d.findElement(By.id("modeler")).getDomAttribute("data-ready")) ? true : null);
      JavascriptExecutor js = (JavascriptExecutor) browser.driver();
      svg = (String) js.executeAsyncScript("""
          const done = arguments[arguments.length - 1];
          window.muniflowModeler.saveSVG().then(r => done(r.svg), e => done('failed: ' + e));
          """);
      assertThat(svg).startsWith("<?xml").contains("<svg");

      // the PNG: the SVG alone on a white page, captured at its own size (not cut to the window)
      js.executeScript("""
          document.open();
          document.write('<!DOCTYPE html><html><head><meta charset="utf-8"><style>html,body{margin:0;background:#fff}'
              + 'svg{display:block}</style></head><body></body></html>');
          document.close();
          document.body.innerHTML = arguments[0].replace(/^<\\?xml[^>]*>\\s*/, '').replace(/<!DOCTYPE[^>]*>\\s*/, '');
          """, svg);
      @SuppressWarnings("unchecked")
      List<Number> size = (List<Number>) js.executeScript(
          "const b = document.querySelector('svg').getBoundingClientRect(); return [Math.ceil(b.width), Math.ceil(b.height)];");
      Map<String, Object> shot = ((ChromeDriver) browser.driver()).executeCdpCommand("Page.captureScreenshot", Map.of(
          "format", "png", "captureBeyondViewport", true,
          "clip", Map.of("x", 0, "y", 0, "width", size.get(0), "height", size.get(1), "scale", 1)));
      png = Base64.getDecoder().decode((String) shot.get("data"));
    }

    // what a reader of the docs checks: the steps are there, by their Japanese names, and the picture is whole
    assertThat(svg).contains(oneTask).contains(otherTask);
    var image = ImageIO.read(new ByteArrayInputStream(png));
    assertThat(image).isNotNull();
    assertThat(image.getWidth()).isGreaterThan(1000);
    assertThat(image.getHeight()).isGreaterThan(300);

    Path dir = Boolean.getBoolean(WRITE_DOCS) ? docsImages() : Path.of("target", "docs-images");
    Files.createDirectories(dir);
    Files.writeString(dir.resolve(file + ".svg"), svg.endsWith("\n") ? svg : svg + "\n", StandardCharsets.UTF_8);
    Files.write(dir.resolve(file + ".png"), png);
  }

  /** The repository's docs/images, found upwards from where the tests run (the engine module). */
  private static Path docsImages() {
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      if (Files.isDirectory(p.resolve("docs").resolve("images"))) {
        return p.resolve("docs").resolve("images");
      }
    }
    throw new IllegalStateException("docs/images not found above " + Path.of("").toAbsolutePath());
  }
}
