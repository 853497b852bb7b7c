package org.zuofeng.imports;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.zuofeng.common.problem.ProblemException;
import org.zuofeng.common.problem.Text;

import java.io.FilterReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * The rows of an import as JSON objects, read one at a time from a stream (UTF-8, strictly): CSV by Apache Commons
 * CSV (RFC 4180, a header row of member names; booleans typed, empty fields absent), NDJSON by Jackson's streaming
 * parser (one object after another). A row is bounded (a line of CSV, a value of JSON), so a body of any size takes
 * the memory of one row. A malformed body fails at the row where it is malformed.
 */
final class ImportRows implements Iterator<ObjectNode>, AutoCloseable {

    /** The longest line of CSV and the longest text of JSON one row may hold. */
    static final int MAX_ROW_CHARS = 64 * 1024;
    private static final Set<String> BOOLEANS = Set.of("partyMember");

    private final Reader reader;
    private final Iterator<ObjectNode> rows;
    private final AutoCloseable parser;

    private ImportRows(Reader reader, Iterator<ObjectNode> rows, AutoCloseable parser) {
        this.reader = reader;
        this.rows = rows;
        this.parser = parser;
    }

    static ImportRows read(InputStream body, ImportFormat format, ObjectMapper json) {
        Reader reader = new BoundedLines(new InputStreamReader(body, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)));
        try {
            return format == ImportFormat.CSV ? csv(reader, json) : ndjson(reader, json);
        } catch (IOException e) {
            throw malformed(e, "the start");
        }
    }

    private static ImportRows csv(Reader reader, ObjectMapper json) throws IOException {
        skipByteOrderMark(reader);
        CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(true).setTrim(false).get().parse(reader);
        Iterator<CSVRecord> records = parser.iterator();
        Iterator<ObjectNode> rows = new Iterator<>() {
            @Override
            public boolean hasNext() {
                try {
                    return records.hasNext();
                } catch (UncheckedIOException e) {
                    throw malformed(e.getCause(), "record " + (parser.getRecordNumber() + 1));
                }
            }

            @Override
            public ObjectNode next() {
                CSVRecord record = records.next();
                if (!record.isConsistent()) {
                    throw ProblemException.invalidParameter("body", Text.of("field.recordHasFieldsWhereHeader",
                            record.getRecordNumber(), record.size(), parser.getHeaderNames().size()));
                }
                ObjectNode node = json.createObjectNode();
                record.toMap().forEach((name, value) -> {
                    if (value == null || value.isEmpty()) {
                        return;
                    }
                    String member = name.trim();
                    if (BOOLEANS.contains(member) && (value.equals("true") || value.equals("false"))) {
                        node.put(member, Boolean.parseBoolean(value));
                    } else {
                        node.put(member, value);
                    }
                });
                return node;
            }
        };
        return new ImportRows(reader, rows, parser);
    }

    private static ImportRows ndjson(Reader reader, ObjectMapper json) throws IOException {
        JsonFactory factory = json.getFactory().copy().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxStringLength(MAX_ROW_CHARS).maxNestingDepth(16).maxNumberLength(64).build());
        JsonParser parser = factory.createParser(reader);
        // One object after another: what follows an object is the next row, not trailing content.
        ObjectReader reading = json.readerFor(JsonNode.class).without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        Iterator<ObjectNode> rows = new Iterator<>() {
            private int line;
            private JsonToken next;

            @Override
            public boolean hasNext() {
                if (next == null) {
                    try {
                        next = parser.nextToken();
                    } catch (IOException e) {
                        throw malformed(e, "line " + (line + 1));
                    }
                }
                return next != null;
            }

            @Override
            public ObjectNode next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                line++;
                try {
                    if (next != JsonToken.START_OBJECT) {
                        throw ProblemException.invalidParameter("body", Text.of("field.lineNotObject", line));
                    }
                    JsonNode node = reading.readValue(parser);
                    return (ObjectNode) node;
                } catch (IOException e) {
                    throw malformed(e, "line " + line);
                } finally {
                    next = null;
                }
            }
        };
        return new ImportRows(reader, rows, parser);
    }

    @Override
    public boolean hasNext() {
        return rows.hasNext();
    }

    @Override
    public ObjectNode next() {
        return rows.next();
    }

    @Override
    public void close() {
        try {
            parser.close();
            reader.close();
        } catch (Exception e) {
            // Nothing was written: nothing to lose.
        }
    }

    private static void skipByteOrderMark(Reader reader) throws IOException {
        reader.mark(1);
        if (reader.read() != '\uFEFF') {
            reader.reset();
        }
    }

    private static ProblemException malformed(Throwable e, String where) {
        if (e instanceof CharacterCodingException) {
            return ProblemException.invalidParameter("body", Text.of("field.notUtf8"));
        }
        if (e instanceof LineTooLong) {
            return ProblemException.invalidParameter("body", Text.of("field.hasLineLongerThanCharacters",
                    MAX_ROW_CHARS));
        }
        return ProblemException.invalidParameter("body", Text.of("field.malformedAt", where));
    }

    /** Thrown when a line (a row) runs past {@link #MAX_ROW_CHARS}. */
    private static final class LineTooLong extends IOException {
        LineTooLong() {
            super("line too long");
        }
    }

    /** A reader that refuses a line longer than {@link #MAX_ROW_CHARS}, so that no one row can take the memory. */
    private static final class BoundedLines extends FilterReader {
        private int line;

        BoundedLines(Reader in) {
            super(new java.io.BufferedReader(in));
        }

        @Override
        public int read() throws IOException {
            int c = super.read();
            count(c);
            return c;
        }

        @Override
        public int read(char[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            for (int i = 0; i < n; i++) {
                count(buffer[offset + i]);
            }
            return n;
        }

        private void count(int c) throws LineTooLong {
            if (c == '\n') {
                line = 0;
            } else if (c != -1 && ++line > MAX_ROW_CHARS) {
                throw new LineTooLong();
            }
        }
    }
}
