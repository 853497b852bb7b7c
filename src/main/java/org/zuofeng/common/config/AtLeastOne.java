package org.zuofeng.common.config;

import org.eclipse.microprofile.config.spi.Converter;

/**
 * A setting that must be a whole number of at least 1: {@code @WithConverter(AtLeastOne.class)}. A value below fails
 * the start, naming the setting.
 */
public class AtLeastOne implements Converter<Integer> {

    @Override
    public Integer convert(String value) {
        return Bounds.atLeast(1, value);
    }
}
