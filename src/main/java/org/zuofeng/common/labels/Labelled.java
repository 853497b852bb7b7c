package org.zuofeng.common.labels;

/** An enum value with display labels, so that front ends never hard-code 称职. */
public interface Labelled {

    /** The zh-CN label. */
    String zh();

    /** The English label. */
    String en();
}
