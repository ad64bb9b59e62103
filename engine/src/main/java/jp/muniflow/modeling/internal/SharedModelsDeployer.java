package jp.muniflow.modeling.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Deploys the models MuniFlow ships ({@code processes/**} of the processes module: BPMN, DMN, forms) as one shared
 * deployment, without a tenant, at every start. Camunda's duplicate filtering makes a new version only of what
 * changed; a municipality's own variants are deployed by administrators and are left alone.
 */
@Component
class SharedModelsDeployer implements SmartInitializingSingleton {

  static final String DEPLOYMENT_NAME = "muniflow-shared-models";
  private static final Logger log = LoggerFactory.getLogger(SharedModelsDeployer.class);
  private static final String[] PATTERNS = {"classpath*:processes/**/*.bpmn", "classpath*:processes/**/*.dmn",
      "classpath*:processes/**/*.form"};

  private final RepositoryService repository;
  private final String name;
  private final String[] patterns;

  @org.springframework.beans.factory.annotation.Autowired
  SharedModelsDeployer(RepositoryService repository) {
    this(repository, DEPLOYMENT_NAME, PATTERNS);
  }

  /** The same start-up deployment of other resources, under another name (tests of what a start deploys). */
  SharedModelsDeployer(RepositoryService repository, String name, String... patterns) {
    this.repository = repository;
    this.name = name;
    this.patterns = patterns.clone();
  }

  @Override
  public void afterSingletonsInstantiated() {
    DeploymentBuilder deployment = repository.createDeployment().name(name).source("muniflow")
        .enableDuplicateFiltering(false); // any change redeploys all together: forms stay with their BPMN
    int resources = 0;
    try {
      var resolver = new PathMatchingResourcePatternResolver();
      for (String pattern : patterns) {
        for (Resource resource : resolver.getResources(pattern)) {
          try (InputStream in = resource.getInputStream()) {
            deployment.addInputStream(nameOf(resource), in);
          }
          resources++;
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the shared models", e);
    }
    Deployment result = deployment.deploy();
    log.info("Shared models: {} resources, deployment {}", resources, result.getId());
  }

  /** The resource's path from {@code processes/} on, e.g. {@code processes/subsidy/subsidyReview.bpmn}. */
  private static String nameOf(Resource resource) throws IOException {
    String url = resource.getURL().toString();
    return url.substring(url.lastIndexOf("processes/"));
  }
}
