package jp.muniflow.engineadapter;

/**
 * The engine's directory changed: a user was saved or deleted, a membership of a group was made or removed, or a
 * group was deleted, by any path (MuniFlow's own code, a directory sign-in, Camunda's Admin webapp or its REST API).
 * Published after the change has committed (or rolled back), so that whoever keeps a copy of the directory reads it
 * again.
 */
public record DirectoryChanged() {
}
