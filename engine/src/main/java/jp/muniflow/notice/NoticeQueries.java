package jp.muniflow.notice;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import jp.muniflow.notice.internal.NoticeStore;
import jp.muniflow.security.MuniFlowUser;
import jp.muniflow.tenants.GroupIds;
import org.springframework.stereotype.Service;

/**
 * The notices a user may see, for other features (an application's timeline, a plan's press release). A notice is
 * visible to the members of its tenant, to the users of the secretariat that issued it, and, when it belongs to no
 * tenant (the press release), to every secretariat's users; administrators see all.
 */
@Service
public class NoticeQueries {

  private final NoticeStore store;

  NoticeQueries(NoticeStore store) {
    this.store = store;
  }

  /** The notices of one business object (an application id, a plan id), oldest first. */
  public List<Notice> about(MuniFlowUser user, String businessKey) {
    return store.list(viewer(user), businessKey).stream()
        .sorted(Comparator.comparing(Notice::issuedAt).thenComparing(Notice::documentNumber)).toList();
  }

  public List<Notice> visibleTo(MuniFlowUser user) {
    return store.list(viewer(user), null);
  }

  /** The notice and its PDF, if the user may see it. */
  public Optional<NoticeStore.NoticeWithPdf> pdf(MuniFlowUser user, String id) {
    return store.pdf(viewer(user), id);
  }

  /** The tenant of an existing notice, whoever may see it; for auditing a refused access. */
  public Optional<String> tenantOf(String id) {
    return store.tenantOf(id);
  }

  public static NoticeStore.Viewer viewer(MuniFlowUser user) {
    List<String> secretariats = user.groups().stream()
        .map(GroupIds::secretariatOfGroup).flatMap(Optional::stream).distinct().toList();
    return new NoticeStore.Viewer(user.tenantIds(), secretariats, user.isMemberOf(GroupIds.ADMINS));
  }
}
