package org.zuofeng.clue;

/** A real-name reporter's identity, as it was sealed and as an approved request reads it. */
public record ReporterIdentity(String name, String contact) {
}
