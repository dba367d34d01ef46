package dev.ferry.source.stream;

import com.github.shyiko.mysql.binlog.event.TableMapEventData;
import com.github.shyiko.mysql.binlog.io.ByteArrayInputStream;
import io.debezium.config.CommonConnectorConfig.EventProcessingFailureHandlingMode;
import io.debezium.connector.binlog.event.RowDeserializers;

import java.io.IOException;
import java.io.Serializable;
import java.util.Map;

/**
 * Debezium's row event deserializers ({@link RowDeserializers}) with DATE, DATETIME and TIMESTAMP
 * cells read by {@link TemporalCells}, so zero and invalid dates arrive as {@link InvalidTemporal}
 * instead of NULL. Every other cell is read by Debezium's code. {@link ExactTemporalDecoding} puts
 * them into the binlog client.
 */
final class ExactTemporalRowDeserializers {
    private ExactTemporalRowDeserializers() {
    }

    /** Inserted rows. */
    static final class Writes extends RowDeserializers.WriteRowsDeserializer {
        Writes(Map<Long, TableMapEventData> tableMaps) {
            super(tableMaps, EventProcessingFailureHandlingMode.FAIL);
        }

        @Override
        protected Serializable deserializeDate(ByteArrayInputStream in) throws IOException {
            return TemporalCells.date(in);
        }

        @Override
        protected Serializable deserializeDatetime(ByteArrayInputStream in) throws IOException {
            return TemporalCells.datetimeV1(in);
        }

        @Override
        protected Serializable deserializeDatetimeV2(int meta, ByteArrayInputStream in) throws IOException {
            return TemporalCells.datetimeV2(meta, in);
        }

        @Override
        protected Serializable deserializeTimestamp(ByteArrayInputStream in) throws IOException {
            return TemporalCells.timestampV1(in);
        }

        @Override
        protected Serializable deserializeTimestampV2(int meta, ByteArrayInputStream in) throws IOException {
            return TemporalCells.timestampV2(meta, in);
        }
    }

    /** Updated rows, before and after images. */
    static final class Updates extends RowDeserializers.UpdateRowsDeserializer {
        Updates(Map<Long, TableMapEventData> tableMaps) {
            super(tableMaps, EventProcessingFailureHandlingMode.FAIL);
        }

        @Override
        protected Serializable deserializeDate(ByteArrayInputStream in) throws IOException {
            return TemporalCells.date(in);
        }

        @Override
        protected Serializable deserializeDatetime(ByteArrayInputStream in) throws IOException {
            return TemporalCells.datetimeV1(in);
        }

        @Override
        protected Serializable deserializeDatetimeV2(int meta, ByteArrayInputStream in) throws IOException {
            return TemporalCells.datetimeV2(meta, in);
        }

        @Override
        protected Serializable deserializeTimestamp(ByteArrayInputStream in) throws IOException {
            return TemporalCells.timestampV1(in);
        }

        @Override
        protected Serializable deserializeTimestampV2(int meta, ByteArrayInputStream in) throws IOException {
            return TemporalCells.timestampV2(meta, in);
        }
    }

    /** Deleted rows. */
    static final class Deletes extends RowDeserializers.DeleteRowsDeserializer {
        Deletes(Map<Long, TableMapEventData> tableMaps) {
            super(tableMaps, EventProcessingFailureHandlingMode.FAIL);
        }

        @Override
        protected Serializable deserializeDate(ByteArrayInputStream in) throws IOException {
            return TemporalCells.date(in);
        }

        @Override
        protected Serializable deserializeDatetime(ByteArrayInputStream in) throws IOException {
            return TemporalCells.datetimeV1(in);
        }

        @Override
        protected Serializable deserializeDatetimeV2(int meta, ByteArrayInputStream in) throws IOException {
            return TemporalCells.datetimeV2(meta, in);
        }

        @Override
        protected Serializable deserializeTimestamp(ByteArrayInputStream in) throws IOException {
            return TemporalCells.timestampV1(in);
        }

        @Override
        protected Serializable deserializeTimestampV2(int meta, ByteArrayInputStream in) throws IOException {
            return TemporalCells.timestampV2(meta, in);
        }
    }
}
