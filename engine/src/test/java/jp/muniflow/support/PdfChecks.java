package jp.muniflow.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.io.File;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.stream.Stream;

/**
 * What an archivist and a recipient check on a notice with their own tools: {@code pdfsig} and {@code pdffonts} from
 * poppler-utils (which CI installs, {@code .ci/ensure-browser}), and veraPDF, the PDF/A validator of the PDF
 * Association, as a library ({@link VeraPdf}).
 *
 * <p>veraPDF reads its validation profiles with JAXB 2 ({@code javax.xml.bind}); Camunda's starter puts JAXB 4 on the
 * class path under the same class names, with which veraPDF finds no profile at all. So veraPDF runs in a class
 * loader of its own: the test class path without the JAXB 4 jars, and the JAXB 2 jars that the build copies to
 * {@code target/verapdf-jaxb} (engine/pom.xml).
 */
public final class PdfChecks {

  private static Method veraPdf;

  private PdfChecks() {
  }

  /** veraPDF's PDF/A-2b verdict: the failed rules with their messages; empty when the file conforms. */
  @SuppressWarnings("unchecked")
  public static List<String> pdfA2bFailures(byte[] pdf) {
    Thread thread = Thread.currentThread();
    ClassLoader before = thread.getContextClassLoader();
    try {
      Method validate = veraPdf();
      // JAXB finds its implementation through the thread's context class loader
      thread.setContextClassLoader(validate.getDeclaringClass().getClassLoader());
      return (List<String>) validate.invoke(null, (Object) pdf);
    } catch (InvocationTargetException e) {
      throw new IllegalStateException("veraPDF could not validate the file", e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("veraPDF could not be loaded", e);
    } finally {
      thread.setContextClassLoader(before);
    }
  }

  private static synchronized Method veraPdf() throws ReflectiveOperationException {
    if (veraPdf == null) {
      List<URL> urls = new ArrayList<>();
      try (Stream<Path> jaxb2 = Files.list(Path.of("target", "verapdf-jaxb"))) {
        for (Path jar : jaxb2.sorted().toList()) {
          urls.add(jar.toUri().toURL());
        }
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
          String name = Path.of(entry).getFileName().toString();
          if (!name.matches("(jaxb-(impl|core)|jakarta\\.xml\\.bind-api)-[34]\\..*\\.jar")) {
            urls.add(Path.of(entry).toUri().toURL());
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException("the JAXB 2 jars for veraPDF are missing: build with Maven (target/verapdf-jaxb)", e);
      }
      ClassLoader isolated = new URLClassLoader("verapdf", urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
      veraPdf = Class.forName(VeraPdf.class.getName(), true, isolated).getMethod("pdfA2bFailures", byte[].class);
    }
    return veraPdf;
  }

  /** What {@code pdfsig} prints about the file's signatures (exit code included), e.g. "Signature is Valid." */
  public static String pdfsig(byte[] pdf) {
    return run(pdf, "pdfsig");
  }

  /** {@code pdffonts}' table of the fonts the file uses, with its "emb" column. */
  public static String pdffonts(byte[] pdf) {
    return run(pdf, "pdffonts");
  }

  /** The rows of {@code pdffonts} whose font is not embedded. */
  public static List<String> fontsNotEmbedded(byte[] pdf) {
    List<String> rows = new ArrayList<>();
    String[] lines = pdffonts(pdf).split("\n");
    for (String line : lines) {
      if (line.isBlank() || line.startsWith("name ") || line.startsWith("----") || line.startsWith("exit ")) {
        continue;
      }
      // columns: name type encoding emb sub uni object ID; the name and type may hold spaces, the last six do not
      String[] columns = line.trim().split("\\s+");
      String embedded = columns.length >= 6 ? columns[columns.length - 5] : "?";
      if (!"yes".equals(embedded)) {
        rows.add(line);
      }
    }
    return rows;
  }

  private static String run(byte[] pdf, String command) {
    try {
      Path file = Files.createTempFile("notice", ".pdf");
      try {
        Files.write(file, pdf);
        Process p = new ProcessBuilder(command, file.toString()).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
          p.destroyForcibly();
          throw new IllegalStateException(command + " did not finish");
        }
        return new String(out, StandardCharsets.UTF_8) + "\nexit " + p.exitValue();
      } finally {
        Files.deleteIfExists(file);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(command + " could not run (poppler-utils: bash .ci/ensure-browser)", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
