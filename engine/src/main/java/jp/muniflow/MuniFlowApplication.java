package jp.muniflow;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** MuniFlow: a multi-tenant workflow engine for municipalities that run programs together. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class MuniFlowApplication {

  public static void main(String[] args) {
    SpringApplication.run(MuniFlowApplication.class, args);
  }
}
