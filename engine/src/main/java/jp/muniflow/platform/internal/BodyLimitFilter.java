package jp.muniflow.platform.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import jp.muniflow.platform.BodyTooLargeException;
import jp.muniflow.platform.ProblemResponses;
import jp.muniflow.platform.UploadPaths;
import org.springframework.http.HttpStatus;
import org.springframework.util.AntPathMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses request bodies above {@code muniflow.http.max-body-bytes} with 413, before anything reads them: a declared
 * length above the limit at once, a chunked body as soon as it passes the limit. Multipart uploads to the paths that
 * features declare ({@link UploadPaths}) have those paths' larger limit.
 */
public class BodyLimitFilter extends OncePerRequestFilter {

  private static final AntPathMatcher PATHS = new AntPathMatcher();

  private final long defaultLimit;
  private final List<UploadPaths> uploads;
  private final ProblemResponses problems;

  public BodyLimitFilter(long limit, List<UploadPaths> uploads, ProblemResponses problems) {
    this.defaultLimit = limit;
    this.uploads = List.copyOf(uploads);
    this.problems = problems;
  }

  /** The general limit, or the larger one of an upload path for a multipart request. */
  long limitOf(HttpServletRequest request) {
    String type = request.getContentType();
    if (type == null || !type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/form-data")) {
      return defaultLimit;
    }
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return uploads.stream().filter(u -> u.patterns().stream().anyMatch(p -> PATHS.match(p, path)))
        .mapToLong(UploadPaths::maxBytes).max().orElse(defaultLimit);
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    long limit = limitOf(request);
    if (request.getContentLengthLong() > limit) {
      problems.write(request, response, HttpStatus.PAYLOAD_TOO_LARGE, "payload-too-large");
      return;
    }
    chain.doFilter(request.getContentLengthLong() < 0 ? new Limited(request, limit) : request, response);
  }

  /** The body of a request of undeclared length, cut off with {@link BodyTooLargeException} at the limit. */
  private static final class Limited extends HttpServletRequestWrapper {

    private final long limit;

    Limited(HttpServletRequest request, long limit) {
      super(request);
      this.limit = limit;
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
      ServletInputStream in = super.getInputStream();
      return new ServletInputStream() {
        private long read;

        @Override
        public int read() throws IOException {
          int b = in.read();
          if (b >= 0 && ++read > limit) {
            throw new BodyTooLargeException();
          }
          return b;
        }

        @Override
        public int read(byte[] buf, int off, int len) throws IOException {
          int n = in.read(buf, off, len);
          if (n > 0 && (read += n) > limit) {
            throw new BodyTooLargeException();
          }
          return n;
        }

        @Override
        public boolean isFinished() {
          return in.isFinished();
        }

        @Override
        public boolean isReady() {
          return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
          in.setReadListener(listener);
        }
      };
    }
  }
}
