package jp.muniflow.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Map;
import jp.muniflow.support.Api;
import jp.muniflow.support.MuniFlowIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

@MuniFlowIntegrationTest
class RegistryApiIT {

  @LocalServerPort
  int port;

  @Test
  void municipalities_are_the_62_with_their_kinds() {
    JsonNode list = Api.as(port, "staff-132012").get("/api/municipalities").json();
    assertThat(list).hasSize(62);
    Map<String, Integer> kinds = new HashMap<>();
    list.forEach(m -> kinds.merge(m.get("kind").asText(), 1, Integer::sum));
    assertThat(kinds).containsExactlyInAnyOrderEntriesOf(Map.of("ward", 23, "city", 26, "town", 5, "village", 8));
    JsonNode chiyoda = list.get(0);
    assertThat(chiyoda.get("code").asText()).isEqualTo("131016");
    assertThat(chiyoda.get("name").asText()).isEqualTo("千代田区");
    assertThat(chiyoda.get("kana").asText()).isEqualTo("ちよだく");
    assertThat(chiyoda.get("nameEn").asText()).isEqualTo("Chiyoda");
    assertThat(chiyoda.get("association").asText()).isEqualTo("kuchokai");
  }

  @Test
  void secretariats_are_the_five_with_their_offices() {
    JsonNode list = Api.as(port, "staff-132012").get("/api/secretariats").json();
    assertThat(list).hasSize(5);
    JsonNode kyogikai = null;
    for (JsonNode s : list) {
      if (s.get("id").asText().equals("kyogikai")) {
        kyogikai = s;
      }
    }
    assertThat(kyogikai).isNotNull();
    assertThat(kyogikai.get("name").asText()).isEqualTo("公益財団法人特別区協議会");
    assertThat(kyogikai.get("phone").asText()).isEqualTo("03-5210-9915");
    assertThat(kyogikai.get("municipalityCount").asInt()).isEqualTo(23);
  }

  @Test
  void the_registry_needs_a_signed_in_user() {
    assertThat(Api.anonymous(port).get("/api/municipalities").status()).isEqualTo(401);
  }
}
