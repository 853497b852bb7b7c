package org.zuofeng.duty;

import java.util.List;

/** What changed from one published version to another, item by item (by code). */
public record DutyListDiff(int from, int to, List<DutyItem> added, List<DutyItem> removed, List<Changed> changed) {

    /** An item whose name, basis or responsible role changed. */
    public record Changed(String code, DutyItem before, DutyItem after) {
    }
}
