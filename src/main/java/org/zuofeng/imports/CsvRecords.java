package org.zuofeng.imports;

import org.zuofeng.common.problem.ProblemException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * RFC 4180 CSV read into records by the names of its header row: fields quoted when they hold quotes (doubled),
 * commas or line breaks; CRLF or LF between records; a UTF-8 byte-order mark ignored. An empty field is absent.
 */
final class CsvRecords {

    private CsvRecords() {
    }

    static List<Map<String, String>> read(String text) {
        List<List<String>> lines = split(text.startsWith("\uFEFF") ? text.substring(1) : text);
        if (lines.isEmpty()) {
            return List.of();
        }
        List<String> header = lines.get(0);
        List<Map<String, String>> records = new ArrayList<>();
        for (int n = 1; n < lines.size(); n++) {
            List<String> fields = lines.get(n);
            if (fields.size() == 1 && fields.get(0).isEmpty()) {
                continue;
            }
            if (fields.size() != header.size()) {
                throw ProblemException.invalidParameter("body", "record " + n + " has " + fields.size()
                        + " fields where the header has " + header.size());
            }
            Map<String, String> record = new LinkedHashMap<>();
            for (int i = 0; i < header.size(); i++) {
                if (!fields.get(i).isEmpty()) {
                    record.put(header.get(i).trim(), fields.get(i));
                }
            }
            records.add(record);
        }
        return records;
    }

    private static List<List<String>> split(String text) {
        List<List<String>> lines = new ArrayList<>();
        List<String> line = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"' && field.isEmpty()) {
                quoted = true;
            } else if (c == ',') {
                line.add(field.toString());
                field.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                line.add(field.toString());
                field.setLength(0);
                lines.add(line);
                line = new ArrayList<>();
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            throw ProblemException.invalidParameter("body", "a quoted field is not closed");
        }
        if (!field.isEmpty() || !line.isEmpty()) {
            line.add(field.toString());
            lines.add(line);
        }
        return lines;
    }
}
