/**
 * Attachments (添付書類): documents that belong to another feature's object (an application), checked by their content
 * when they arrive, stored immutably in chunks with their SHA-256, and read back as a stream. A person first stages a
 * document (a draft that may be replaced or removed); the owning feature commits the staged documents into the record
 * when its step is submitted. Owners decide who may see what; this module decides only what may be stored.
 */
@ApplicationModule(allowedDependencies = {"platform", "ui"})
package jp.muniflow.attachment;

import org.springframework.modulith.ApplicationModule;
