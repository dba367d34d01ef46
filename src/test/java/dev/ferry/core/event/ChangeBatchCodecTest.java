package dev.ferry.core.event;

import dev.ferry.core.TableId;
import dev.ferry.core.config.ConflictPolicy;
import dev.ferry.core.schema.ColumnDef;
import dev.ferry.core.schema.ForeignKey;
import dev.ferry.core.schema.TableDef;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ChangeBatchCodecTest {

    private static final TableDef TABLE = new TableDef(new TableId("shop", "orders"), List.of(
            new ColumnDef("id", "bigint", "bigint unsigned", null, null, false, null, false),
            new ColumnDef("f", "float", "float", null, null, true, null, false),
            new ColumnDef("d", "double", "double", null, null, true, null, false),
            new ColumnDef("note", "varchar", "varchar(20)", "utf8mb4", "utf8mb4_0900_ai_ci", true, null, false),
            new ColumnDef("raw", "varbinary", "varbinary(8)", null, null, true, null, false),
            new ColumnDef("total", "int", "int", null, null, true, "`id` * 2", true)),
            List.of("id"));

    @Test
    void roundTripsEveryValueTypeBitForBit() {
        Object[] before = {"18446744073709551615", -0.0f, Double.MIN_VALUE, "😀 trailing  ", new byte[] {0, 1, 0}, null};
        Object[] after = {"1", Float.intBitsToFloat(0x7f7fffff), -0.0d, "", new byte[0], 42L};
        ChangeBatch batch = ChangeBatch.changes(TABLE, List.of(
                new RowChange(RowOp.UPDATE, new SourcePosition(3, 1234, 0, 1), before, after),
                new RowChange(RowOp.DELETE, new SourcePosition(3, 1300, 2, 0), after, null)));

        ChangeBatch decoded = ChangeBatchCodec.decode(ChangeBatchCodec.encode(batch));

        assertThat(decoded.table()).isEqualTo(TABLE);
        assertThat(decoded.kind()).isEqualTo(BatchKind.ROWS);
        assertThat(decoded.rows()).hasSize(2);
        RowChange first = decoded.rows().get(0);
        assertThat(first.position()).isEqualTo(new SourcePosition(3, 1234, 0, 1));
        assertThat(first.before()).containsExactly(before);
        assertThat(Float.floatToRawIntBits((Float) first.before()[1])).isEqualTo(0x80000000);
        assertThat(Double.doubleToRawLongBits((Double) first.after()[2])).isEqualTo(0x8000000000000000L);
        assertThat(first.after()).containsExactly(after);
        assertThat(decoded.rows().get(1).after()).isNull();
    }

    @Test
    void roundTripsSnapshotMarkers() {
        ChangeBatch end = ChangeBatch.snapshotEnd(TABLE, "s-1", 7, SourcePosition.snapshotPoint(2, 4));
        ChangeBatch decoded = ChangeBatchCodec.decode(ChangeBatchCodec.encode(end));
        assertThat(decoded.kind()).isEqualTo(BatchKind.SNAPSHOT_END);
        assertThat(decoded.snapshotId()).isEqualTo("s-1");
        assertThat(decoded.chunk()).isEqualTo(7);
        assertThat(decoded.watermark()).isEqualTo(SourcePosition.snapshotPoint(2, 4));
    }

    @Test
    void roundTripsTheConflictPolicyOfEveryKind() {
        for (ConflictPolicy policy : ConflictPolicy.values()) {
            for (ChangeBatch batch : List.of(ChangeBatch.snapshotBegin(TABLE, "s"), ChangeBatch.snapshotEnd(TABLE, "s", 1, null),
                    ChangeBatch.snapshotChunk(TABLE, "s", 0, List.of()), ChangeBatch.changes(TABLE, List.of()))) {
                ChangeBatch decoded = ChangeBatchCodec.decode(ChangeBatchCodec.encode(batch.withConflictPolicy(policy)));
                assertThat(decoded.conflictPolicy()).as("%s of %s", policy, batch.kind()).isEqualTo(policy);
                assertThat(decoded.kind()).isEqualTo(batch.kind());
            }
        }
        assertThat(ChangeBatch.snapshotBegin(TABLE, "s").conflictPolicy()).isEqualTo(ConflictPolicy.FAIL);
    }

    @Test
    void readsVersionOneBatchesAsPolicyFail() {
        byte[] v4 = ChangeBatchCodec.encode(ChangeBatch.snapshotBegin(TABLE, "s").withConflictPolicy(ConflictPolicy.PROCEED));
        assertThat(v4[1]).isEqualTo((byte) ChangeBatchCodec.VERSION);
        // Version 3 is version 4 without the cascade step's presence byte at the end.
        byte[] v3 = java.util.Arrays.copyOf(v4, v4.length - 1);
        v3[1] = 3;
        assertThat(ChangeBatchCodec.decode(v3).cascadeStep()).isNull();
        // Version 2 is version 3 without the statement and cascade column counts at the end.
        byte[] v2 = java.util.Arrays.copyOf(v3, v3.length - 2);
        v2[1] = 2;
        assertThat(ChangeBatchCodec.decode(v2).conflictPolicy()).isEqualTo(ConflictPolicy.PROCEED);
        assertThat(ChangeBatchCodec.decode(v2).statements()).isEmpty();
        // Version 1 is version 2 without the policy byte after the kind.
        byte[] v1 = new byte[v2.length - 1];
        v1[0] = v2[0];
        v1[1] = 1;
        v1[2] = v2[2];
        System.arraycopy(v2, 4, v1, 3, v2.length - 4);
        ChangeBatch decoded = ChangeBatchCodec.decode(v1);
        assertThat(decoded.conflictPolicy()).isEqualTo(ConflictPolicy.FAIL);
        assertThat(decoded.table()).isEqualTo(TABLE);
        assertThat(decoded.snapshotId()).isEqualTo("s");
        byte[] badPolicy = v3.clone();
        badPolicy[3] = 7;
        assertThatThrownBy(() -> ChangeBatchCodec.decode(badPolicy)).isInstanceOf(MalformedBatchException.class)
                .hasMessageContaining("conflict policy");
        byte[] future = v4.clone();
        future[1] = 5;
        assertThatThrownBy(() -> ChangeBatchCodec.decode(future)).hasMessageContaining("version 5");
    }

    @Test
    void cascadeStepsRoundTrip() {
        CascadeStep step = new CascadeStep(new TableId("d", "parent"), new SourcePosition(3, 400, 2, 5),
                List.of(new CascadeRule(List.of("a", "b"), List.of("x", "y"), ForeignKey.Action.CASCADE, ForeignKey.Action.SET_NULL)),
                List.of(new CascadeRule(List.of("parent_id"), List.of("id"), ForeignKey.Action.SET_NULL, ForeignKey.Action.NONE)),
                List.of("id"), 2);
        ChangeBatch level = ChangeBatch.cascadeLevel(TABLE, new SourcePosition(3, 400, 2, 6), step);
        ChangeBatch decoded = ChangeBatchCodec.decode(ChangeBatchCodec.encode(level));
        assertThat(decoded.cascadeStep()).isEqualTo(step);
        assertThat(decoded.rows()).singleElement().satisfies(r -> assertThat(r.position()).isEqualTo(new SourcePosition(3, 400, 2, 6)));
        ChangeBatch first = ChangeBatch.cascade(TABLE, List.of("id"), List.of());
        assertThat(ChangeBatchCodec.decode(ChangeBatchCodec.encode(first)).cascadeStep()).isEqualTo(CascadeStep.FIRST_LEVEL_ONLY);
    }

    @Test
    void schemaBatchesCarryTheirStatements() {
        List<String> ddl = List.of("CREATE DATABASE IF NOT EXISTS `d`", "CREATE TABLE IF NOT EXISTS `d`.`t` (\n  `id` int\n) COMMENT='é'");
        ChangeBatch decoded = ChangeBatchCodec.decode(ChangeBatchCodec.encode(ChangeBatch.schema(TABLE, "s", ddl)));
        assertThat(decoded.kind()).isEqualTo(BatchKind.SCHEMA);
        assertThat(decoded.snapshotId()).isEqualTo("s");
        assertThat(decoded.statements()).isEqualTo(ddl);
        assertThat(decoded.cascadeColumns()).isEmpty();
    }

    @Test
    void cascadeBatchesCarryTheirColumns() {
        RowChange change = new RowChange(RowOp.UPDATE, new SourcePosition(1, 2, 0, 1), new Object[] {null, "1", null, null, null, null},
                new Object[] {null, null, null, null, null, null});
        ChangeBatch decoded = ChangeBatchCodec.decode(ChangeBatchCodec.encode(ChangeBatch.cascade(TABLE, List.of("note"), List.of(change))));
        assertThat(decoded.kind()).isEqualTo(BatchKind.CASCADE);
        assertThat(decoded.cascadeColumns()).containsExactly("note");
        assertThat(decoded.rows()).singleElement().satisfies(r -> assertThat(r.before()).containsExactly(null, "1", null, null, null, null));
    }

    @Test
    void rejectsForeignAndTruncatedBytes() {
        assertThatThrownBy(() -> ChangeBatchCodec.decode("{\"json\":1}".getBytes()))
                .isInstanceOf(MalformedBatchException.class).hasMessageContaining("magic");
        byte[] good = ChangeBatchCodec.encode(ChangeBatch.snapshotBegin(TABLE, "s"));
        byte[] cut = java.util.Arrays.copyOf(good, good.length - 3);
        assertThatThrownBy(() -> ChangeBatchCodec.decode(cut)).isInstanceOf(MalformedBatchException.class);
    }

    @Test
    void everyCorruptedByteIsReportedAsMalformed() {
        byte[] good = ChangeBatchCodec.encode(ChangeBatch.changes(TABLE, List.of(
                new RowChange(RowOp.INSERT, new SourcePosition(1, 2, 0, 0), null, new Object[] {"1", 1f, 2d, "x", new byte[] {1}, 3L}))));
        for (int i = 0; i < good.length; i++) {
            for (int delta : new int[] {1, 0x7F, 0x80}) {
                byte[] bad = good.clone();
                bad[i] = (byte) (bad[i] + delta);
                try {
                    ChangeBatchCodec.decode(bad);
                }
                catch (MalformedBatchException expected) {
                    // reported as malformed: fine
                }
            }
        }
    }

    @Test
    void snapshotPointOrdersBeforeEveryChangeAtItsPosition() {
        SourcePosition point = SourcePosition.snapshotPoint(5, 900);
        assertThat(new SourcePosition(5, 900, 0, 0).isAfter(point)).isTrue();
        assertThat(new SourcePosition(5, 899, 9, 0).isAfter(point)).isFalse();
        assertThat(new SourcePosition(4, 99999, 0, 0).isAfter(point)).isFalse();
        assertThat(new SourcePosition(6, 4, 0, 0).isAfter(point)).isTrue();
        assertThat(SourcePosition.fileSequence("mysql-bin.000042")).isEqualTo(42);
    }
}
