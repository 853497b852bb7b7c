package org.zuofeng.common.changelog;

/**
 * A place in the change log: after every change of a transaction below {@code xid}, and after the changes of
 * transaction {@code xid} up to {@code position}. Ordered by transaction id, then position.
 */
public record ChangePosition(long xid, long position) implements Comparable<ChangePosition> {

    /** Before every change. */
    public static final ChangePosition START = new ChangePosition(0, 0);

    /** Before every change of transactions from {@code xid} on: where a snapshot taken below it continues. */
    public static ChangePosition before(long xid) {
        return new ChangePosition(xid, 0);
    }

    @Override
    public int compareTo(ChangePosition other) {
        int byXid = Long.compare(xid, other.xid);
        return byXid != 0 ? byXid : Long.compare(position, other.position);
    }
}
