package jp.muniflow.engineadapter;

/** Told of every migration of process instances when the engine's command that made it closes, in its transaction. */
public interface MigrationListener {

  void migrated(InstanceMigration migration);
}
