package org.zuofeng.common.web;

/** CSV by RFC 4180, as the API writes it: CRLF between records, UTF-8 with a byte-order mark so Excel reads Chinese. */
public final class Csv {

    public static final String CRLF = "\r\n";
    public static final char BOM = '\uFEFF';

    private Csv() {
    }

    /** One field: quoted (its quotes doubled) when it holds a quote, a comma or a line break. */
    public static String field(String value) {
        if (value.indexOf('"') < 0 && value.indexOf(',') < 0 && value.indexOf('\n') < 0
                && value.indexOf('\r') < 0) {
            return value;
        }
        return '"' + value.replace("\"", "\"\"") + '"';
    }

    /** One record of fields, with its CRLF. */
    public static String record(String... fields) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                line.append(',');
            }
            line.append(field(fields[i] == null ? "" : fields[i]));
        }
        return line.append(CRLF).toString();
    }
}
