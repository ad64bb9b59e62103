package jp.muniflow.tenants;

import java.util.Optional;

/** The names of MuniFlow's groups, in one place, so that the naming scheme can be read and parsed back. */
public final class GroupIds {

  /** Administrators: edit and deploy flows, manage users and tenants. */
  public static final String ADMINS = "admins";
  /** Camunda's own administrator group, which its webapps' Admin expects; members bypass the tenant check. */
  public static final String CAMUNDA_ADMIN = "camunda-admin";

  /**
   * The ids Camunda may accept for users, groups and tenants. Camunda's default allows letters and digits only;
   * MuniFlow's names join such words with hyphens ({@code staff-131016}, {@code kyogikai-reviewers}), nothing more,
   * so ids still cannot carry markup or path characters into the webapps.
   */
  public static final String RESOURCE_ID_PATTERN = "[a-zA-Z0-9]+(-[a-zA-Z0-9]+)*";

  private static final String STAFF_PREFIX = "staff-";
  private static final String REVIEWERS_SUFFIX = "-reviewers";
  private static final String MANAGERS_SUFFIX = "-managers";

  private GroupIds() {
  }

  public static String staff(String municipalityCode) {
    return STAFF_PREFIX + municipalityCode;
  }

  public static String reviewers(String secretariatId) {
    return secretariatId + REVIEWERS_SUFFIX;
  }

  public static String managers(String secretariatId) {
    return secretariatId + MANAGERS_SUFFIX;
  }

  /** The municipality code of a staff group, if the group is one. */
  public static Optional<String> municipalityOfStaffGroup(String groupId) {
    return groupId.startsWith(STAFF_PREFIX) ? Optional.of(groupId.substring(STAFF_PREFIX.length())) : Optional.empty();
  }

  /** The secretariat id of a reviewers' or managers' group, if the group is one. */
  public static Optional<String> secretariatOfGroup(String groupId) {
    if (groupId.endsWith(REVIEWERS_SUFFIX)) {
      return Optional.of(groupId.substring(0, groupId.length() - REVIEWERS_SUFFIX.length()));
    }
    if (groupId.endsWith(MANAGERS_SUFFIX)) {
      return Optional.of(groupId.substring(0, groupId.length() - MANAGERS_SUFFIX.length()));
    }
    return Optional.empty();
  }
}
