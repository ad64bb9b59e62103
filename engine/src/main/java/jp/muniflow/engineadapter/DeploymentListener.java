package jp.muniflow.engineadapter;

/** Told of every new deployment after the engine has parsed it, in the deployment's own transaction. */
public interface DeploymentListener {

  void deployed(NewDeployment deployment);
}
