package dev.ferry.core.schema;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ColumnDefTest {

    private static ColumnDef of(String dataType, String columnType) {
        return new ColumnDef("c", dataType, columnType, null, null, true, null, false);
    }

    @Test
    void valueKindsFollowTheType() {
        assertThat(of("bigint", "bigint(20) unsigned").valueKind()).isEqualTo(ValueKind.UNSIGNED_BIGINT);
        assertThat(of("bigint", "bigint(20)").valueKind()).isEqualTo(ValueKind.INTEGER);
        assertThat(of("int", "int(10) unsigned").valueKind()).isEqualTo(ValueKind.INTEGER);
        assertThat(of("year", "year(4)").valueKind()).isEqualTo(ValueKind.INTEGER);
        assertThat(of("json", "json").valueKind()).isEqualTo(ValueKind.TEXT);
        assertThat(of("set", "set('a','b')").valueKind()).isEqualTo(ValueKind.TEXT);
        assertThat(of("bit", "bit(3)").valueKind()).isEqualTo(ValueKind.BINARY);
        assertThat(of("geometry", "geometry").valueKind()).isEqualTo(ValueKind.BINARY);
        assertThat(of("timestamp", "timestamp(6)").valueKind()).isEqualTo(ValueKind.TEMPORAL);
    }

    @Test
    void typeArgumentReadsTheFirstNumber() {
        assertThat(of("datetime", "datetime(6)").typeArgument(0)).isEqualTo(6);
        assertThat(of("datetime", "datetime").typeArgument(0)).isEqualTo(0);
        assertThat(of("bit", "bit(64)").typeArgument(1)).isEqualTo(64);
        assertThat(of("decimal", "decimal(65,30)").typeArgument(0)).isEqualTo(65);
        assertThat(of("enum", "enum('1')").typeArgument(0)).isEqualTo(0);
    }

    @Test
    void characterDataOutsideUtf8TravelsAsBytes() {
        assertThat(new ColumnDef("c", "varchar", "varchar(3)", "latin1", "latin1_bin", true, null, false).textAsBytes()).isTrue();
        assertThat(new ColumnDef("c", "longtext", "longtext", "ascii", "ascii_bin", true, null, false).textAsBytes()).isTrue();
        assertThat(new ColumnDef("c", "char", "char(3)", "utf8mb4", "utf8mb4_bin", true, null, false).textAsBytes()).isFalse();
        assertThat(new ColumnDef("c", "varchar", "varchar(3)", "utf8", "utf8_general_ci", true, null, false).textAsBytes()).isFalse();
        assertThat(new ColumnDef("c", "enum", "enum('a')", "latin1", "latin1_bin", true, null, false).textAsBytes()).isFalse();
        assertThat(new ColumnDef("c", "varbinary", "varbinary(3)", null, null, true, null, false).textAsBytes()).isFalse();
    }
}
