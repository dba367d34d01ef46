package dev.ferry.sink.bind;

import dev.ferry.core.schema.ColumnDef;
import dev.ferry.sink.TestTables;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.sql.Types;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BinderRegistryTest {
    private final BinderRegistry registry = BinderRegistry.standard();
    private final RecordingStatement recorder = new RecordingStatement();

    private static final ColumnDef INT = TestTables.column("i", "int", "int");
    private static final ColumnDef FLOAT = TestTables.column("f", "float", "float");
    private static final ColumnDef DOUBLE = TestTables.column("d", "double", "double");
    private static final ColumnDef TEXT = TestTables.varchar("s", 10);
    private static final ColumnDef DECIMAL = TestTables.column("m", "decimal", "decimal(10,2)");
    private static final ColumnDef BLOB = TestTables.column("b", "varbinary", "varbinary(4)");
    private static final ColumnDef BIT = TestTables.column("bits", "bit", "bit(64)");
    private static final ColumnDef DATETIME = TestTables.column("at", "datetime", "datetime(6)");

    @Test
    void writesEachJavaTypeWithItsOwnSetter() throws SQLException {
        StatementParameters parameters = new StatementParameters(recorder.statement, registry);
        parameters.write(INT, 5L);
        parameters.write(FLOAT, 1.5f);
        parameters.write(DOUBLE, -0.0d);
        parameters.write(DECIMAL, "12.50");
        parameters.write(BLOB, new byte[] {1, 2});
        parameters.write(BIT, new byte[] {(byte) 0xff});
        assertThat(parameters.count()).isEqualTo(6);
        assertThat(recorder.calls).containsExactly("setLong(1, 5)", "setString(2, 1.5)", "setString(3, -0.0)",
                "setString(4, 12.50)", "setBytes(5, [1, 2])", "setBytes(6, [-1])");
    }

    @Test
    void writesNullTypedAfterTheColumnKind() throws SQLException {
        StatementParameters parameters = new StatementParameters(recorder.statement, registry);
        parameters.write(INT, null);
        parameters.write(FLOAT, null);
        parameters.write(TEXT, null);
        parameters.write(BLOB, null);
        parameters.write(DATETIME, null);
        assertThat(recorder.calls).containsExactly("setNull(1, " + Types.BIGINT + ")", "setNull(2, " + Types.REAL + ")",
                "setNull(3, " + Types.VARCHAR + ")", "setNull(4, " + Types.VARBINARY + ")", "setNull(5, " + Types.VARCHAR + ")");
    }

    @Test
    void writesAndComparesAFloatAsTheTextOfTheExactSameDouble() throws SQLException {
        float value = 0.1f;
        new StatementParameters(recorder.statement, registry).match(FLOAT, value);
        assertThat(recorder.calls).containsExactly("setString(1, 0.10000000149011612)");
        assertThat((double) value).isNotEqualTo(0.1d);
    }

    @Test
    void comparesBitAsItsUnsignedNumber() throws SQLException {
        new StatementParameters(recorder.statement, registry).match(BIT, new byte[] {(byte) 0xff, 0, 0, 0, 0, 0, 0, 1});
        assertThat(recorder.calls).containsExactly("setBigDecimal(1, 18374686479671623681)");
    }

    @Test
    void comparesOtherValuesAsItWritesThem() throws SQLException {
        StatementParameters parameters = new StatementParameters(recorder.statement, registry);
        parameters.match(INT, 7L);
        parameters.match(BLOB, new byte[] {9});
        parameters.match(TEXT, null);
        assertThat(recorder.calls).containsExactly("setLong(1, 7)", "setBytes(2, [9])", "setNull(3, " + Types.VARCHAR + ")");
    }

    @Test
    void refusesATypeNoBatchCarries() {
        assertThatThrownBy(() -> registry.forWrite(INT, Boolean.TRUE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("java.lang.Boolean").hasMessageNotContaining("true");
    }
}
