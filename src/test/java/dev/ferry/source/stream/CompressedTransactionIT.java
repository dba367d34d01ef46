package dev.ferry.source.stream;

import com.github.luben.zstd.Zstd;
import com.github.shyiko.mysql.binlog.event.DeleteRowsEventData;
import com.github.shyiko.mysql.binlog.event.Event;
import com.github.shyiko.mysql.binlog.event.EventType;
import com.github.shyiko.mysql.binlog.event.TransactionPayloadEventData;
import com.github.shyiko.mysql.binlog.event.UpdateRowsEventData;
import com.github.shyiko.mysql.binlog.event.WriteRowsEventData;
import com.github.shyiko.mysql.binlog.event.deserialization.EventDataDeserializer;
import com.github.shyiko.mysql.binlog.event.deserialization.EventDeserializer;
import com.github.shyiko.mysql.binlog.io.ByteArrayInputStream;
import dev.ferry.core.TableId;
import dev.ferry.testkit.MySqlServer;
import dev.ferry.testkit.MySqlVersion;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Row events inside a compressed transaction are read exactly as the same events outside one. MySQL
 * compresses transactions from 8.0.20 on and the test servers are 8.0.15 and 5.7, so the test takes
 * the real table map and row events a real 8.0 server wrote to its binlog for zero and invalid dates,
 * and wraps them the way 8.0.20 does: a {@code TRANSACTION_PAYLOAD} event whose payload is the events
 * without their checksums, ZSTD-compressed.
 */
@Tag("integration")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CompressedTransactionIT {
    private static final Predicate<TableId> ALL = t -> true;
    private static final int HEADER = 19;
    private static final int CHECKSUM = 4;
    private static final int TABLE_MAP = 19;
    private static final int WRITE_ROWS_V2 = 30;
    private static final int UPDATE_ROWS_V2 = 31;
    private static final int DELETE_ROWS_V2 = 32;

    private MySqlServer mysql;
    /** Each row event of the binlog with the table map before it. */
    private List<byte[]> transactions;

    @BeforeAll
    void start() throws Exception {
        mysql = MySqlServer.start(MySqlVersion.V8_0, Files.createDirectories(Path.of("target", "it", "CompressedTransactionIT")));
        String file;
        try (Connection c = mysql.openConnection(); Statement s = c.createStatement()) {
            s.execute("SET SESSION sql_mode = 'ALLOW_INVALID_DATES'");
            s.execute("CREATE DATABASE z");
            s.execute("CREATE TABLE z.t (id INT PRIMARY KEY, d DATE, dt DATETIME(6), ts TIMESTAMP(3) NULL, n DATE NOT NULL)");
            s.execute("FLUSH BINARY LOGS");
            s.execute("INSERT INTO z.t VALUES (1, '0000-00-00', '0000-00-00 00:00:00', '0000-00-00 00:00:00', '2020-02-31'), "
                    + "(2, '2021-04-31', '2020-00-15 10:00:00.5', NULL, '0000-00-00'), (3, '2020-01-01', NULL, NULL, '2020-01-01')");
            s.execute("UPDATE z.t SET d = '2020-00-00', dt = '0000-01-01 00:00:00.000001' WHERE id = 1");
            s.execute("DELETE FROM z.t WHERE id = 2");
            try (ResultSet r = s.executeQuery("SHOW MASTER STATUS")) {
                r.next();
                file = r.getString(1);
            }
        }
        transactions = rowEventsOf(Files.readAllBytes(mysql.dataDir().resolve(file)));
    }

    @AfterAll
    void stop() {
        if (mysql != null) {
            mysql.close();
        }
    }

    @Test
    void rowsInsideACompressedTransactionAreReadAsTheSameRowsOutsideOne() throws Exception {
        assertThat(transactions).hasSize(3);
        for (byte[] events : transactions) {
            List<List<Object>> plain = rows(read(new ByteArrayInputStream(events)));
            assertThat(rows(payload(events, true, ALL).getUncompressedEvents())).isEqualTo(plain);
            assertThat(rows(payload(events, false, ALL).getUncompressedEvents())).isEqualTo(plain);
        }
        List<List<Object>> all = rows(read(new ByteArrayInputStream(concat(transactions))));
        // Insert, update (before and after image), delete; with the zero and invalid dates Ferry reads outside one.
        assertThat(all).hasSize(6);
        assertThat(all.toString()).contains("InvalidTemporal[literal=0000-00-00]", "InvalidTemporal[literal=2021-04-31]",
                "InvalidTemporal[literal=0000-00-00 00:00:00.000000]", "InvalidTemporal[literal=2020-02-31]");
    }

    /**
     * Two row events of one selected table in one compressed transaction would give their rows the same
     * positions: the source stops, naming the table; for a table the migration does not select, it reads on.
     */
    @Test
    void aCompressedTransactionWithTwoRowEventsOfASelectedTableStopsTheSource() throws Exception {
        byte[] events = concat(transactions);
        assertThatThrownBy(() -> payload(events, true, ALL))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("changes z.t in more than one row event")
                .hasMessageContaining("binlog_transaction_compression = OFF");
        assertThat(rows(payload(events, true, t -> false).getUncompressedEvents())).hasSize(6);
    }

    private static byte[] concat(List<byte[]> parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        parts.forEach(out::writeBytes);
        return out.toByteArray();
    }

    private static TransactionPayloadEventData payload(byte[] events, boolean compress, Predicate<TableId> selected)
            throws IOException {
        EventDeserializer deserializer = new EventDeserializer();
        new ExactTemporalDecoding(selected).install(deserializer);
        EventDataDeserializer<TransactionPayloadEventData> payloads = deserializer.getEventDataDeserializer(EventType.TRANSACTION_PAYLOAD);
        byte[] data = compress ? payloadEvent(0, Zstd.compress(events), events.length) : payloadEvent(255, events, events.length);
        return payloads.deserialize(new ByteArrayInputStream(data));
    }

    private static List<Event> read(ByteArrayInputStream in) throws IOException {
        EventDeserializer deserializer = new EventDeserializer();
        new ExactTemporalDecoding(ALL).install(deserializer);
        List<Event> out = new ArrayList<>();
        for (Event e = deserializer.nextEvent(in); e != null; e = deserializer.nextEvent(in)) {
            out.add(e);
        }
        return out;
    }

    /** Each row image as a list of its cells (before images of updates, then after images). */
    private static List<List<Object>> rows(List<Event> events) {
        List<List<Object>> rows = new ArrayList<>();
        for (Event e : events) {
            if (e.getData() instanceof WriteRowsEventData w) {
                w.getRows().forEach(r -> rows.add(Arrays.asList((Object[]) r)));
            }
            else if (e.getData() instanceof UpdateRowsEventData u) {
                u.getRows().forEach(r -> {
                    rows.add(Arrays.asList((Object[]) r.getKey()));
                    rows.add(Arrays.asList((Object[]) r.getValue()));
                });
            }
            else if (e.getData() instanceof DeleteRowsEventData d) {
                d.getRows().forEach(r -> rows.add(Arrays.asList((Object[]) r)));
            }
        }
        return rows;
    }

    /** The row events of a binlog file, each with the table map before it, without their checksums. */
    private static List<byte[]> rowEventsOf(byte[] binlog) {
        List<byte[]> out = new ArrayList<>();
        ByteArrayOutputStream group = new ByteArrayOutputStream();
        ByteBuffer b = ByteBuffer.wrap(binlog).order(ByteOrder.LITTLE_ENDIAN);
        for (int at = 4; at + HEADER <= binlog.length; ) {
            int type = binlog[at + 4] & 0xff;
            int length = b.getInt(at + 9);
            if (type == TABLE_MAP || type == WRITE_ROWS_V2 || type == UPDATE_ROWS_V2 || type == DELETE_ROWS_V2) {
                byte[] event = Arrays.copyOfRange(binlog, at, at + length - CHECKSUM);
                ByteBuffer.wrap(event).order(ByteOrder.LITTLE_ENDIAN).putInt(9, event.length);
                group.writeBytes(event);
                if (type != TABLE_MAP) {
                    out.add(group.toByteArray());
                    group.reset();
                }
            }
            at += length;
        }
        return out;
    }

    /** A TRANSACTION_PAYLOAD event's data as MySQL writes it: compression, sizes, end mark, payload. */
    private static byte[] payloadEvent(int compression, byte[] payload, int uncompressedSize) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        field(out, 2, compression);
        field(out, 1, payload.length);
        field(out, 3, uncompressedSize);
        out.write(0);
        out.writeBytes(payload);
        return out.toByteArray();
    }

    private static void field(ByteArrayOutputStream out, int type, long value) {
        byte[] encoded = packed(value);
        out.writeBytes(packed(type));
        out.writeBytes(packed(encoded.length));
        out.writeBytes(encoded);
    }

    private static byte[] packed(long value) {
        if (value < 251) {
            return new byte[] {(byte) value};
        }
        ByteBuffer b = ByteBuffer.allocate(9).order(ByteOrder.LITTLE_ENDIAN);
        if (value <= 0xffff) {
            b.put((byte) 252).putShort((short) value);
        }
        else if (value <= 0xffffff) {
            b.put((byte) 253).put((byte) value).put((byte) (value >> 8)).put((byte) (value >> 16));
        }
        else {
            b.put((byte) 254).putLong(value);
        }
        return Arrays.copyOf(b.array(), b.position());
    }
}
