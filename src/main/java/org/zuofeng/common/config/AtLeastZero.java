package org.zuofeng.common.config;

import org.eclipse.microprofile.config.spi.Converter;

/**
 * A setting that must be a whole number of at least 0: {@code @WithConverter(AtLeastZero.class)}. A negative value
 * fails the start, naming the setting.
 */
public class AtLeastZero implements Converter<Integer> {

    @Override
    public Integer convert(String value) {
        return Bounds.atLeast(0, value);
    }
}
