package org.zuofeng.common.labels;

import java.util.List;

/** Each feature publishes the enums of its API through one bean of this type. */
public interface LabelSource {

    List<Class<? extends Labelled>> enums();
}
