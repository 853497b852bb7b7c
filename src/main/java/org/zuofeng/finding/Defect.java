package org.zuofeng.finding;

import org.zuofeng.common.labels.Labelled;

import java.util.ArrayList;
import java.util.List;

/** The work-style defects named in §一(一): mediocrity, laziness, laxity. */
public enum Defect implements Labelled {
    MEDIOCRITY("庸", "Mediocrity"),
    LAZINESS("懒", "Laziness"),
    LAXITY("散", "Laxity");

    private final String zh;
    private final String en;

    Defect(String zh, String en) {
        this.zh = zh;
        this.en = en;
    }

    @Override
    public String zh() {
        return zh;
    }

    @Override
    public String en() {
        return en;
    }

    /** The defects of these names in their declared order (庸, 懒, 散). */
    static List<Defect> inOrder(String[] names) {
        List<Defect> defects = new ArrayList<>(names.length);
        for (String name : names) {
            defects.add(valueOf(name));
        }
        defects.sort(null);
        return List.copyOf(defects);
    }
}
