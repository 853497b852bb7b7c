package org.zuofeng.exports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.zuofeng.common.web.Csv;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Writes the rows of an export: NDJSON (each row the JSON its list shows, one per line), or CSV by RFC 4180 (CRLF,
 * fields quoted when they hold a quote, comma or line break) in UTF-8 with a byte-order mark so that Excel reads the
 * Chinese text, its header the contract's member names; a member that is an object or an array is its JSON text.
 */
final class ExportWriter {

    private final ExportFormat format;
    private final List<String> columns;
    private final ObjectMapper json;
    private final OutputStream bytes;
    private final Writer out;

    /** Writes to {@code bytes}: NDJSON's rows as Jackson encodes them, CSV's through a UTF-8 writer. */
    ExportWriter(ExportFormat format, List<String> columns, ObjectMapper json, OutputStream bytes) {
        this.format = format;
        this.columns = columns;
        this.json = json;
        this.bytes = bytes;
        this.out = new OutputStreamWriter(bytes, StandardCharsets.UTF_8);
    }

    void begin() throws IOException {
        if (format == ExportFormat.CSV) {
            out.write(Csv.BOM);
            out.write(Csv.record(columns.toArray(String[]::new)));
        }
    }

    void row(Object item) throws IOException {
        if (format == ExportFormat.NDJSON) {
            bytes.write(json.writeValueAsBytes(item));
            bytes.write('\n');
            return;
        }
        JsonNode node = json.valueToTree(item);
        String[] fields = new String[columns.size()];
        for (int i = 0; i < columns.size(); i++) {
            JsonNode value = node.get(columns.get(i));
            fields[i] = value == null || value.isNull() ? null
                    : value.isValueNode() ? value.asText() : json.writeValueAsString(value);
        }
        out.write(Csv.record(fields));
    }

    /** Writes out what the CSV writer still holds. */
    void end() throws IOException {
        out.flush();
    }
}
