package dev.ferry.core.event;

import dev.ferry.core.TableId;
import dev.ferry.core.config.ConflictPolicy;
import dev.ferry.core.schema.ColumnDef;
import dev.ferry.core.schema.ForeignKey;
import dev.ferry.core.schema.TableDef;

import java.util.ArrayList;
import java.util.List;

/**
 * Ferry's wire format for {@link ChangeBatch}: a compact binary encoding carried as the Kafka record
 * value (use Connect's {@code ByteArrayConverter}). Values keep their exact bits: floating point as
 * IEEE 754 bits, decimals and temporals as text, binary strings as raw bytes.
 *
 * <p>Layout: magic, version, kind, conflict policy, table definition, snapshot id, chunk, watermark,
 * rows, DDL statements, cascade columns, cascade step. Version 1 (before the conflict policy) is still read, as policy
 * {@code fail}; version 2 (before DDL statements) as batches without statements; version 3 (before cascade steps)
 * with cascades repeated to their first level only.
 */
public final class ChangeBatchCodec {
    static final int MAGIC = 0xFE;
    static final int VERSION = 4;
    private static final int VERSION_WITHOUT_STEPS = 3;
    private static final int VERSION_WITHOUT_POLICY = 1;
    private static final int VERSION_WITHOUT_STATEMENTS = 2;

    private static final int NULL = 0;
    private static final int LONG = 1;
    private static final int FLOAT = 2;
    private static final int DOUBLE = 3;
    private static final int STRING = 4;
    private static final int BYTES = 5;

    private ChangeBatchCodec() {
    }

    public static byte[] encode(ChangeBatch batch) {
        BinaryWriter out = new BinaryWriter(estimatedSize(batch));
        out.writeByte(MAGIC);
        out.writeByte(VERSION);
        out.writeByte(batch.kind().ordinal());
        out.writeByte(batch.conflictPolicy().ordinal());
        writeTable(out, batch.table());
        out.writeOptionalString(batch.snapshotId());
        out.writeSignedVarLong(batch.chunk());
        writePosition(out, batch.watermark());
        out.writeVarLong(batch.rows().size());
        int width = batch.table().columns().size();
        for (RowChange row : batch.rows()) {
            out.writeByte(row.op().code());
            writePosition(out, row.position());
            writeImage(out, row.before(), width);
            writeImage(out, row.after(), width);
        }
        out.writeVarLong(batch.statements().size());
        batch.statements().forEach(out::writeString);
        out.writeVarLong(batch.cascadeColumns().size());
        batch.cascadeColumns().forEach(out::writeString);
        writeStep(out, batch.cascadeStep());
        return out.toByteArray();
    }

    /**
     * About the encoded size (exact for ASCII text), so the buffer is allocated once: growing it by
     * doubling copies it repeatedly and, for snapshot chunks of half a megabyte, makes temporary
     * arrays large enough for the garbage collector to treat specially.
     */
    private static int estimatedSize(ChangeBatch batch) {
        long size = 1024;
        for (RowChange row : batch.rows()) {
            size += 16 + imageSize(row.before()) + imageSize(row.after());
        }
        return (int) Math.min(size, Integer.MAX_VALUE - 16);
    }

    private static long imageSize(Object[] image) {
        if (image == null) {
            return 1;
        }
        long size = 1;
        for (Object value : image) {
            if (value instanceof String s) {
                size += s.length() + 4;
            }
            else if (value instanceof byte[] b) {
                size += b.length + 4;
            }
            else {
                size += 10;
            }
        }
        return size;
    }

    public static ChangeBatch decode(byte[] bytes) {
        BinaryReader in = new BinaryReader(bytes);
        if (in.readByte() != MAGIC) {
            throw new MalformedBatchException("not a Ferry change batch (bad magic byte)");
        }
        int version = in.readByte();
        if (version != VERSION && version != VERSION_WITHOUT_POLICY && version != VERSION_WITHOUT_STATEMENTS
                && version != VERSION_WITHOUT_STEPS) {
            throw new MalformedBatchException("change batch format version " + version + " is not supported (expected " + VERSION + ")");
        }
        int kindCode = in.readByte();
        if (kindCode >= BatchKind.values().length) {
            throw new MalformedBatchException("unknown batch kind " + kindCode);
        }
        BatchKind kind = BatchKind.values()[kindCode];
        ConflictPolicy policy = version == VERSION_WITHOUT_POLICY ? ConflictPolicy.FAIL : policy(in.readByte());
        TableDef table = readTable(in);
        String snapshotId = in.readOptionalString();
        long chunk = in.readSignedVarLong();
        SourcePosition watermark = readPosition(in);
        int count = in.readCount();
        int width = table.columns().size();
        List<RowChange> rows = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            RowOp op = rowOp(in.readByte());
            SourcePosition position = readPosition(in);
            rows.add(new RowChange(op, position, readImage(in, width), readImage(in, width)));
        }
        boolean withStatements = version >= VERSION_WITHOUT_STEPS;
        List<String> statements = withStatements ? readStrings(in) : List.of();
        List<String> cascadeColumns = withStatements ? readStrings(in) : List.of();
        CascadeStep step = version == VERSION ? readStep(in) : null;
        if (!in.exhausted()) {
            throw new MalformedBatchException("trailing bytes after the last row");
        }
        return new ChangeBatch(kind, table, snapshotId, chunk, watermark, rows, policy, statements, cascadeColumns, step);
    }

    /** Presence byte; ledger entry (table, position) or none; rules; self rules; recorded columns; consumers. */
    private static void writeStep(BinaryWriter out, CascadeStep step) {
        out.writeByte(step == null ? 0 : 1);
        if (step == null) {
            return;
        }
        out.writeOptionalString(step.follows() ? step.from().database() : null);
        if (step.follows()) {
            out.writeString(step.from().table());
            writePosition(out, step.fromStep());
        }
        writeRules(out, step.rules());
        writeRules(out, step.selfRules());
        out.writeVarLong(step.recorded().size());
        step.recorded().forEach(out::writeString);
        out.writeVarLong(step.consumers());
    }

    private static CascadeStep readStep(BinaryReader in) {
        if (in.readByte() == 0) {
            return null;
        }
        String database = in.readOptionalString();
        TableId from = database == null ? null : new TableId(database, in.readString());
        SourcePosition fromStep = from == null ? null : readPosition(in);
        try {
            return new CascadeStep(from, fromStep, readRules(in), readRules(in), readStrings(in), (int) in.readVarLong());
        }
        catch (IllegalArgumentException e) {
            throw new MalformedBatchException("bad cascade step: " + e.getMessage());
        }
    }

    private static void writeRules(BinaryWriter out, List<CascadeRule> rules) {
        out.writeVarLong(rules.size());
        for (CascadeRule rule : rules) {
            out.writeVarLong(rule.childColumns().size());
            rule.childColumns().forEach(out::writeString);
            rule.parentColumns().forEach(out::writeString);
            out.writeByte(rule.onDelete().ordinal());
            out.writeByte(rule.onUpdate().ordinal());
        }
    }

    private static List<CascadeRule> readRules(BinaryReader in) {
        int count = in.readCount();
        List<CascadeRule> rules = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int width = in.readCount();
            List<String> child = new ArrayList<>(width);
            for (int c = 0; c < width; c++) {
                child.add(in.readString());
            }
            List<String> parent = new ArrayList<>(width);
            for (int c = 0; c < width; c++) {
                parent.add(in.readString());
            }
            rules.add(new CascadeRule(child, parent, action(in.readByte()), action(in.readByte())));
        }
        return rules;
    }

    private static ForeignKey.Action action(int code) {
        if (code < 0 || code >= ForeignKey.Action.values().length) {
            throw new MalformedBatchException("unknown referential action " + code);
        }
        return ForeignKey.Action.values()[code];
    }

    private static List<String> readStrings(BinaryReader in) {
        int count = in.readCount();
        List<String> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(in.readString());
        }
        return out;
    }

    private static ConflictPolicy policy(int code) {
        if (code >= ConflictPolicy.values().length) {
            throw new MalformedBatchException("unknown conflict policy " + code);
        }
        return ConflictPolicy.values()[code];
    }

    private static RowOp rowOp(int code) {
        try {
            return RowOp.ofCode((char) code);
        }
        catch (IllegalArgumentException e) {
            throw new MalformedBatchException(e.getMessage());
        }
    }

    private static void writeTable(BinaryWriter out, TableDef table) {
        out.writeString(table.id().database());
        out.writeString(table.id().table());
        out.writeVarLong(table.columns().size());
        for (ColumnDef c : table.columns()) {
            out.writeString(c.name());
            out.writeString(c.dataType());
            out.writeString(c.columnType());
            out.writeOptionalString(c.charset());
            out.writeOptionalString(c.collation());
            out.writeByte((c.nullable() ? 1 : 0) | (c.generatedStored() ? 2 : 0));
            out.writeOptionalString(c.generationExpression());
        }
        out.writeVarLong(table.keyColumns().size());
        table.keyColumns().forEach(out::writeString);
    }

    private static TableDef readTable(BinaryReader in) {
        TableId id = new TableId(in.readString(), in.readString());
        int count = in.readCount();
        List<ColumnDef> columns = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String name = in.readString();
            String dataType = in.readString();
            String columnType = in.readString();
            String charset = in.readOptionalString();
            String collation = in.readOptionalString();
            int flags = in.readByte();
            String generation = in.readOptionalString();
            columns.add(new ColumnDef(name, dataType, columnType, charset, collation, (flags & 1) != 0, generation, (flags & 2) != 0));
        }
        int keys = in.readCount();
        List<String> keyColumns = new ArrayList<>(keys);
        for (int i = 0; i < keys; i++) {
            keyColumns.add(in.readString());
        }
        try {
            return new TableDef(id, columns, keyColumns);
        }
        catch (IllegalArgumentException e) {
            throw new MalformedBatchException("inconsistent table definition: " + e.getMessage());
        }
    }

    private static void writePosition(BinaryWriter out, SourcePosition p) {
        out.writeByte(p == null ? 0 : 1);
        if (p != null) {
            out.writeVarLong(p.fileSequence());
            out.writeVarLong(p.position());
            out.writeSignedVarLong(p.row());
            out.writeSignedVarLong(p.sub());
        }
    }

    private static SourcePosition readPosition(BinaryReader in) {
        if (in.readByte() == 0) {
            return null;
        }
        return new SourcePosition(in.readVarLong(), in.readVarLong(), (int) in.readSignedVarLong(), (int) in.readSignedVarLong());
    }

    private static void writeImage(BinaryWriter out, Object[] image, int width) {
        if (image == null) {
            out.writeByte(0);
            return;
        }
        if (image.length != width) {
            throw new IllegalArgumentException("row image has " + image.length + " values for " + width + " columns");
        }
        out.writeByte(1);
        for (Object value : image) {
            writeValue(out, value);
        }
    }

    private static Object[] readImage(BinaryReader in, int width) {
        if (in.readByte() == 0) {
            return null;
        }
        Object[] image = new Object[width];
        for (int i = 0; i < width; i++) {
            image[i] = readValue(in);
        }
        return image;
    }

    private static void writeValue(BinaryWriter out, Object value) {
        if (value == null) {
            out.writeByte(NULL);
        }
        else if (value instanceof Long l) {
            out.writeByte(LONG);
            out.writeSignedVarLong(l);
        }
        else if (value instanceof Float f) {
            out.writeByte(FLOAT);
            out.writeFixedInt(Float.floatToRawIntBits(f));
        }
        else if (value instanceof Double d) {
            out.writeByte(DOUBLE);
            out.writeFixedLong(Double.doubleToRawLongBits(d));
        }
        else if (value instanceof String s) {
            out.writeByte(STRING);
            out.writeString(s);
        }
        else if (value instanceof byte[] b) {
            out.writeByte(BYTES);
            out.writeBytes(b);
        }
        else {
            throw new IllegalArgumentException("cannot carry a value of type " + value.getClass().getName());
        }
    }

    private static Object readValue(BinaryReader in) {
        int tag = in.readByte();
        return switch (tag) {
            case NULL -> null;
            case LONG -> in.readSignedVarLong();
            case FLOAT -> Float.intBitsToFloat(in.readFixedInt());
            case DOUBLE -> Double.longBitsToDouble(in.readFixedLong());
            case STRING -> in.readString();
            case BYTES -> in.readBytes();
            default -> throw new MalformedBatchException("unknown value tag " + tag);
        };
    }
}
