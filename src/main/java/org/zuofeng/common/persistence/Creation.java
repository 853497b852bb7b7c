package org.zuofeng.common.persistence;

/**
 * The outcome of a create that a client may repeat under its own id: the record, and whether this request made it
 * (201) or found it already made from the same content (200).
 */
public record Creation<T>(T view, boolean created) {
}
