package jp.muniflow.notice;

import java.util.Collection;
import java.util.List;
import jp.muniflow.notice.internal.NoticeStore;
import jp.muniflow.platform.RecordDisposal;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The notices as records kept for their retention period: read whole for the archive, then disposed of. Nothing else
 * ever deletes a notice.
 */
@Service
public class NoticeRecords {

  private final NoticeStore store;
  private final RecordDisposal disposal;

  NoticeRecords(NoticeStore store, RecordDisposal disposal) {
    this.store = store;
    this.disposal = disposal;
  }

  /** A notice with the bytes of its PDF. */
  public record Kept(Notice notice, byte[] pdf) {
  }

  /** The notices of the business objects (an application and its payments), with their PDFs, oldest first. */
  public List<Kept> of(Collection<String> businessKeys) {
    return store.withPdfs(businessKeys).stream().map(n -> new Kept(n.notice(), n.pdf())).toList();
  }

  /** Deletes the notices, in the caller's transaction (the disposal's, after the archive is written). */
  @Transactional(propagation = Propagation.MANDATORY)
  public int dispose(Collection<String> noticeIds) {
    disposal.permitInThisTransaction();
    return store.delete(noticeIds);
  }
}
