package jp.muniflow.engineadapter;

/**
 * Checks every new deployment before the engine's own deployers parse it, on every path into the engine (MuniFlow's
 * modeler, Camunda's REST API, start-up, redeployment). Throwing refuses it: the engine's transaction is rolled back
 * and nothing of the deployment is written. Deployments the engine only loads into its cache are not new and are not
 * checked again.
 */
public interface DeploymentCheck {

  void check(NewDeployment deployment);
}
