package org.zuofeng.evidence;

/**
 * A feature whose records evidence backs, or whose records bear on how long it is kept ({@link EvidenceRetention}):
 * each answers in SQL over an evidence row (its alias {@code e}, with {@code finding_id}, {@code inspection_id} and
 * {@code response_id}) for its own tables, as {@link BlobReferrer} does for the sweeper. Evidence names none of them.
 * A method a feature has nothing to say to answers null.
 */
public interface EvidenceMatter {

    /** SQL: when the record the evidence backs closed, for evidence this feature's records own; else null. */
    default String closedAt(String e) {
        return null;
    }

    /** SQL: the latest time a record of this feature about the evidence's matter changed; retention counts from it. */
    default String lastActivity(String e) {
        return null;
    }

    /** SQL condition: a record of this feature keeps the evidence's matter open (an accountability case, say). */
    default String holds(String e) {
        return null;
    }

    /** SQL condition: the evidence is of a covert inspection's matter. */
    default String covert(String e) {
        return null;
    }

    /** SQL condition: the evidence's matter was exposed to the public. */
    default String exposure(String e) {
        return null;
    }
}
