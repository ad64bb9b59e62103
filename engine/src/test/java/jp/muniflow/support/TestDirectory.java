package jp.muniflow.support;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import java.util.ArrayList;
import java.util.List;

/**
 * A real LDAP directory for the directory sign-in tests: UnboundID's in-memory directory server on a free port, laid
 * out as an Active Directory is (users with {@code sAMAccountName} under {@code OU=Users}, groups with their members'
 * DNs under {@code OU=Groups}). Schema checking is off, as an Active Directory's attributes are not in the standard
 * schema.
 */
public final class TestDirectory implements AutoCloseable {

  public static final String BASE = "DC=muniflow,DC=example";
  public static final String PASSWORD = "directory-password";

  private final InMemoryDirectoryServer server;

  private TestDirectory() {
    try {
      var config = new InMemoryDirectoryServerConfig(BASE);
      config.setSchema(null);
      config.setListenerConfigs(InMemoryListenerConfig.createLDAPConfig("ldap", 0));
      server = new InMemoryDirectoryServer(config);
      server.add(new Entry(BASE, new Attribute("objectClass", "top", "domain"), new Attribute("dc", "muniflow")));
      server.add(new Entry("OU=Users," + BASE, new Attribute("objectClass", "top", "organizationalUnit")));
      server.add(new Entry("OU=Groups," + BASE, new Attribute("objectClass", "top", "organizationalUnit")));
      server.startListening();
    } catch (LDAPException e) {
      throw new IllegalStateException(e);
    }
  }

  public static TestDirectory start() {
    return new TestDirectory();
  }

  /** The URL with the base DN, as {@code muniflow.sign-in.ldap.url} takes it. */
  public String url() {
    return "ldap://127.0.0.1:" + server.getListenPort() + "/" + BASE;
  }

  public static String userDn(String account) {
    return "CN=" + account + ",OU=Users," + BASE;
  }

  public static String groupDn(String name) {
    return "CN=" + name + ",OU=Groups," + BASE;
  }

  /** A user with password {@link #PASSWORD}; attributes as name, value, name, value … */
  public void addUser(String account, String familyName, String givenName, String... attributes) {
    List<Attribute> all = new ArrayList<>(List.of(new Attribute("objectClass", "top", "person", "organizationalPerson", "user"),
        new Attribute("cn", account), new Attribute("sAMAccountName", account), new Attribute("sn", familyName),
        new Attribute("givenName", givenName), new Attribute("mail", account + "@city.example.lg.jp"),
        new Attribute("userPassword", PASSWORD)));
    for (int i = 0; i < attributes.length; i += 2) {
      all.add(new Attribute(attributes[i], attributes[i + 1]));
    }
    add(new Entry(userDn(account), all));
  }

  /** A group with the given members (by account). */
  public void addGroup(String name, String... members) {
    List<String> dns = new ArrayList<>();
    for (String member : members) {
      dns.add(userDn(member));
    }
    add(new Entry(groupDn(name), new Attribute("objectClass", "top", "group"), new Attribute("cn", name),
        new Attribute("member", dns)));
  }

  /** Changes one attribute of a user, as the directory's administrators would. */
  public void replace(String account, String attribute, String value) {
    try {
      server.modify(userDn(account), new Modification(ModificationType.REPLACE, attribute, value));
    } catch (LDAPException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Removes a user from the directory (their groups keep a dangling member value, as a directory may). */
  public void remove(String account) {
    try {
      server.delete(userDn(account));
    } catch (LDAPException e) {
      throw new IllegalStateException(e);
    }
  }

  private void add(Entry entry) {
    try {
      server.add(entry);
    } catch (LDAPException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    server.shutDown(true);
  }
}
