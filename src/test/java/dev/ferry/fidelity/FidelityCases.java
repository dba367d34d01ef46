package dev.ferry.fidelity;

import dev.ferry.testkit.MySqlVersion;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The tables of the fidelity suite: every MySQL data type at its edge values, each table with a row
 * of NULLs. Ids of the snapshot rows run 1..n, which the generic changes rely on.
 */
final class FidelityCases {
    static final String DATABASE = "fidelity";
    /** The source server's zone; the destination runs in {@link #DESTINATION_ZONE}. */
    static final String SOURCE_ZONE = "Europe/Berlin";
    static final String DESTINATION_ZONE = "America/New_York";
    /** The largest MEDIUMBLOB, 16 MiB - 1 bytes: 4,194,303 times 4 bytes plus 3. */
    static final String LARGEST_MEDIUMBLOB = "CONCAT(REPEAT(x'00FF5C27', 4194303), x'0D0A1A')";
    /** 16 MiB of four-byte characters. */
    static final String SIXTEEN_MIB_TEXT = "REPEAT(_utf8mb4 x'F09F9880', 4194304)";

    private FidelityCases() {
    }

    static List<FidelityTable> all(MySqlVersion version) {
        List<FidelityTable> tables = new ArrayList<>();
        tables.add(integers());
        tables.add(decimals());
        tables.add(floats());
        tables.add(bits());
        tables.add(temporals());
        tables.add(zeroDates());
        tables.add(strings());
        tables.add(binaries());
        tables.add(json());
        tables.add(typedJson());
        tables.add(opaqueJson("json_opaque", true));
        tables.add(opaqueJson("json_opaque_keyless", false));
        tables.add(enumsAndSets());
        tables.add(geometries(version));
        tables.add(generated());
        tables.add(keyless());
        tables.add(unpagedTypedJson());
        tables.add(largeValues());
        return tables;
    }

    private static FidelityTable keyed(String name, String columns, String sqlMode, String... rows) {
        List<String> inserts = new ArrayList<>();
        for (String row : rows) {
            inserts.add("INSERT INTO " + name + " VALUES " + row);
        }
        return new FidelityTable(name, "CREATE TABLE " + name + " (id INT PRIMARY KEY, " + columns + ")", sqlMode, inserts, List.of());
    }

    static FidelityTable integers() {
        return keyed("integers", "ti TINYINT, tiu TINYINT UNSIGNED, si SMALLINT, siu SMALLINT UNSIGNED, mi MEDIUMINT, "
                        + "miu MEDIUMINT UNSIGNED, i INT, iu INT UNSIGNED, bi BIGINT, biu BIGINT UNSIGNED, b1 TINYINT(1), "
                        + "bo BOOLEAN, zf INT(6) UNSIGNED ZEROFILL",
                FidelityTable.STRICT,
                "(1, -128, 0, -32768, 0, -8388608, 0, -2147483648, 0, -9223372036854775808, 0, -128, 0, 0)",
                "(2, 127, 255, 32767, 65535, 8388607, 16777215, 2147483647, 4294967295, 9223372036854775807, "
                        + "18446744073709551615, 127, 1, 4294967295)",
                "(3, 0, 1, -1, 1, -1, 1, -1, 1, -1, 9223372036854775808, 2, -1, 42)",
                "(4, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL)");
    }

    static FidelityTable decimals() {
        String max = "9".repeat(35) + "." + "9".repeat(30);
        return keyed("decimals", "d65_30 DECIMAL(65,30), d65_0 DECIMAL(65,0), d10_2 DECIMAL(10,2), du DECIMAL(20,5) UNSIGNED, "
                        + "d5_5 DECIMAL(5,5)",
                FidelityTable.STRICT,
                "(1, " + max + ", " + "9".repeat(65) + ", 99999999.99, 999999999999999.99999, 0.99999)",
                "(2, -" + max + ", -" + "9".repeat(65) + ", -99999999.99, 0, -0.99999)",
                "(3, 1.100000000000000000000000000000, 10000000000000000000000000000000000000000000000000000000000000000, "
                        + "-0.10, 1.00000, 0.00001)",
                "(4, -0.000000000000000000000000000001, -1, 0.00, 0.00001, -0.00001)",
                "(5, NULL, NULL, NULL, NULL, NULL)");
    }

    static FidelityTable floats() {
        return keyed("floats", "f FLOAT, d DOUBLE, fu FLOAT UNSIGNED, du DOUBLE UNSIGNED",
                FidelityTable.STRICT,
                "(1, -0e0, -0e0, 0e0, 0e0)",
                "(2, 1.401298464324817e-45, 4.9e-324, 1.401298464324817e-45, 4.9e-324)",
                "(3, 3.4028234663852886e38, 1.7976931348623157e308, 3.4028234663852886e38, 1.7976931348623157e308)",
                "(4, -3.4028234663852886e38, -1.7976931348623157e308, 1.1754943508222875e-38, 2.2250738585072014e-308)",
                "(5, 0.1, 0.30000000000000004, 16777217, 9007199254740993)",
                "(6, -1.1754942106924411e-38, -2.225073858507201e-308, 3.3333333e-5, 1.2345678901234567e-300)",
                "(7, 123456.79, 123456789.12345679, 7.006492321624085e-45, 4.4501477170144023e-308)",
                "(8, NULL, NULL, NULL, NULL)");
    }

    static FidelityTable bits() {
        return keyed("bits", "b1 BIT(1), b7 BIT(7), b8 BIT(8), b9 BIT(9), b16 BIT(16), b33 BIT(33), b63 BIT(63), b64 BIT(64)",
                FidelityTable.STRICT,
                "(1, b'0', b'0000000', 0, 0, 0, 0, 0, 0)",
                "(2, b'1', b'1111111', 255, 511, 65535, 8589934591, 9223372036854775807, 18446744073709551615)",
                "(3, 1, b'1010101', x'80', b'100000001', x'8001', 4294967296, x'4000000000000001', x'8000000000000001')",
                "(4, 0, 1, 1, 256, 256, 1, 1, 1)",
                "(5, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL)");
    }

    /**
     * DATE, YEAR and DATETIME, TIMESTAMP, TIME with every fractional precision, at the range limits,
     * around DST changes in both servers' zones, and a TIMESTAMP hour that the source's zone
     * repeats. TIMESTAMP limits are written in UTC; the DST rows in the source's own zone.
     */
    static FidelityTable temporals() {
        StringBuilder columns = new StringBuilder("d DATE, y YEAR");
        for (int fsp = 0; fsp <= 6; fsp++) {
            columns.append(", dt").append(fsp).append(" DATETIME(").append(fsp).append(")")
                    .append(", ts").append(fsp).append(" TIMESTAMP(").append(fsp).append(") NULL DEFAULT NULL")
                    .append(", t").append(fsp).append(" TIME(").append(fsp).append(")");
        }
        List<String> rows = new ArrayList<>();
        rows.add("SET time_zone = '+00:00'");
        rows.add(temporalRow(1, "'1000-01-01'", "1901", "1000-01-01 00:00:00", "000000", "1970-01-01 00:00:01", "000000",
                "-838:59:59", "000000"));
        rows.add(temporalRow(2, "'9999-12-31'", "2155", "9999-12-31 23:59:59", "999999", "2038-01-19 03:14:07", "999999",
                "838:59:59", "000000"));
        rows.add(temporalRow(3, "'0001-01-01'", "0", "0001-01-01 00:00:00", "000001", "2026-10-25 00:30:00", "123456",
                "-00:00:01", "500000"));
        rows.add(temporalRow(4, "'0069-12-31'", "1970", "0070-01-01 12:00:00", "100000", "2026-10-25 01:30:00", "123456",
                "-12:34:56", "789012"));
        rows.add(temporalRow(5, "'2026-11-01'", "2069", "2026-11-01 01:30:00", "654321", "2026-11-01 05:30:00", "654321",
                "00:00:00", "000001"));
        rows.add(temporalRow(6, "'2026-11-01'", "1999", "2026-11-01 01:30:00", "654321", "2026-11-01 06:30:00", "654321",
                "-00:00:00", "000001"));
        rows.add("SET time_zone = '" + SOURCE_ZONE + "'");
        rows.add(temporalRow(7, "'2026-03-29'", "2026", "2026-03-29 02:30:00", "250000", "2026-03-29 03:00:00", "000000",
                "24:00:00", "999999"));
        rows.add(temporalRow(8, "'2026-10-25'", "2000", "2026-10-25 02:30:00", "999000", "2026-10-25 01:59:59", "999999",
                "-24:00:00", "999999"));
        rows.add(temporalRow(9, "'2026-10-25'", "2001", "2026-10-25 03:00:00", "000000", "2026-10-25 03:00:00", "000001",
                "100:00:00", "010101"));
        rows.add("INSERT INTO temporals (id) VALUES (10)");
        return new FidelityTable("temporals", "CREATE TABLE temporals (id INT PRIMARY KEY, " + columns + ")",
                FidelityTable.STRICT, rows, List.of());
    }

    /** A row whose temporal literals are cut (not rounded) to each column's fractional digits. */
    private static String temporalRow(int id, String date, String year, String dateTime, String dateTimeFraction,
                                      String timestamp, String timestampFraction, String time, String timeFraction) {
        StringBuilder row = new StringBuilder("INSERT INTO temporals VALUES (").append(id).append(", ").append(date)
                .append(", ").append(year);
        for (int fsp = 0; fsp <= 6; fsp++) {
            row.append(", '").append(dateTime).append(fraction(dateTimeFraction, fsp)).append("'")
                    .append(", '").append(timestamp).append(fraction(timestampFraction, fsp)).append("'")
                    .append(", '").append(time).append(fraction(timeFraction, fsp)).append("'");
        }
        return row.append(")").toString();
    }

    private static String fraction(String digits, int fsp) {
        return fsp == 0 ? "" : "." + digits.substring(0, fsp);
    }

    /**
     * Zero and invalid dates, which the source's sql_mode allowed, in nullable and NOT NULL columns, through
     * the snapshot and the binlog (Ferry's row deserializers read them; Debezium's would make them NULL).
     */
    static FidelityTable zeroDates() {
        return keyed("zero_dates", "d DATE, dt DATETIME, dt6 DATETIME(6), ts TIMESTAMP NULL DEFAULT NULL, "
                        + "ts6 TIMESTAMP(6) NULL DEFAULT NULL, dn DATE NOT NULL, dtn DATETIME(3) NOT NULL",
                "ALLOW_INVALID_DATES",
                "(1, '0000-00-00', '0000-00-00 00:00:00', '0000-00-00 00:00:00.000000', '0000-00-00 00:00:00', "
                        + "'0000-00-00 00:00:00.000000', '0000-00-00', '0000-00-00 00:00:00.000')",
                "(2, '2020-00-00', '2020-01-00 10:00:00', '2020-00-15 00:00:00.000001', NULL, NULL, '2020-02-31', "
                        + "'2020-00-15 23:59:59.999')",
                "(3, '2021-02-31', '2021-04-31 23:59:59', '0000-01-01 00:00:00.5', '2021-01-01 00:00:00', NULL, '1970-01-01', "
                        + "'0000-01-01 00:00:00.001')",
                "(4, NULL, NULL, NULL, NULL, NULL, '2020-01-01', '9999-12-31 23:59:59.999')");
    }

    static FidelityTable strings() {
        String latin1High = "_latin1 x'" + IntStream.range(0x80, 0x100).mapToObj(b -> String.format("%02X", b))
                .collect(Collectors.joining()) + "'";
        return keyed("strings", "u VARCHAR(300) CHARACTER SET utf8mb4 DEFAULT 'déjà 😀', ub VARCHAR(100) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin, "
                        + "l VARCHAR(200) CHARACTER SET latin1 DEFAULT 'é', lb VARCHAR(100) CHARACTER SET latin1 COLLATE latin1_bin, "
                        + "lc CHAR(10) CHARACTER SET latin1 DEFAULT '', u3 VARCHAR(50) CHARACTER SET utf8, a VARCHAR(20) CHARACTER SET ascii, "
                        + "tt TINYTEXT CHARACTER SET utf8mb4, t TEXT CHARACTER SET utf8mb4, lt TEXT CHARACTER SET latin1",
                FidelityTable.STRICT,
                "(1, _utf8mb4 x'F09F9880F09D849EE6BCA2E5AD97C3A9', 'Emoji 😀 and 𝄞  ', " + latin1High + ", 'abc   ', "
                        + "'ab  ', 'é€ 漢', 'trailing ', '😀😀', CONCAT('𝄞', REPEAT('x', 1000), '   '), " + latin1High + ")",
                "(2, 'abc   ', 'ABC   ', 'Abc   ', 'abc ', ' a', '   ', ' ', ' ', ' ', ' ')",
                "(3, '', '', '', '', '', '', '', '', '', '')",
                "(4, CONCAT('a', CHAR(0), 'b''\"\\\\', CHAR(13), CHAR(10), CHAR(26)), CONCAT(CHAR(0), ' '), "
                        + "CONCAT('x', CHAR(0)), _latin1 x'00205C27', 'z', 'q', CHAR(127), 'é', '\\\\', _latin1 x'810D8F909D')",
                "(5, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL)");
    }

    static FidelityTable binaries() {
        return keyed("binaries", "bn BINARY(8), vb VARBINARY(32), tb TINYBLOB, bl BLOB",
                FidelityTable.STRICT,
                "(1, x'0102', x'01020000', x'00', x'0000')",
                "(2, x'0000000000000000', x'', x'', x'')",
                "(3, x'FFFFFFFFFFFFFFFF', x'FF00FF0000', x'5C27220D0A1A0020', CONCAT(REPEAT(x'00', 1000), x'20'))",
                "(4, 'ab', 'ab  ', 'a ', x'20')",
                "(5, NULL, NULL, NULL, NULL)");
    }

    /** A document whose DECIMAL and DATE members JSON text cannot type. */
    static final String TYPED_JSON = "JSON_OBJECT('d', CAST(1.50 AS DECIMAL(3,2)), 't', CAST('2020-01-01' AS DATE))";

    /**
     * JSON documents holding DECIMAL, DATE, TIME and DATETIME scalars (made only from SQL values, never
     * by JSON text), at the root, in objects (keys with quotes, backslashes, dots, spaces, unicode) and
     * arrays at several depths, next to plain numbers and strings that look alike: copied by the
     * snapshot, then through the binlog inserted, updated from and to, moved to another key, deleted.
     */
    static FidelityTable typedJson() {
        String nested = "JSON_OBJECT('d', CAST(1.50 AS DECIMAL(3,2)), 'z', CAST(0.00 AS DECIMAL(5,2)), "
                + "'n', CAST(-12345678901234567890.123456789012345678901234567890 AS DECIMAL(65,30)), "
                + "'a', JSON_ARRAY(CAST('2020-02-29' AS DATE), CAST('23:59:59.5' AS TIME(1)), "
                + "CAST('9999-12-31 23:59:59.999999' AS DATETIME(6)), 1.5e0, 'x', JSON_ARRAY(CAST(0.10 AS DECIMAL(2,2)))), "
                + "'k\"\\\\ey', CAST('1000-01-01 00:00:00' AS DATETIME), 'plain', 2.50e0, "
                // Negative TIMEs (the binlog library decodes them wrongly) and TIMEs MySQL prints wrongly (30 and 38 hours both as 30).
                + "'times', JSON_ARRAY(CAST('-838:59:59' AS TIME), CAST('-00:00:00.5' AS TIME(1)), CAST('838:59:59' AS TIME), "
                + "CAST('-12:00:00' AS TIME), CAST('30:00:00' AS TIME), CAST('38:00:00' AS TIME), CAST('-01:02:03.000004' AS TIME(6))))";
        String deep = "JSON_ARRAY(JSON_OBJECT('a.b c', JSON_ARRAY(JSON_ARRAY(JSON_OBJECT('é😀', JSON_ARRAY("
                + "CAST(0.000000000000000000000000000001 AS DECIMAL(31,30)), CAST(100 AS DECIMAL(3,0)), 100, 1.0e0, "
                + "CAST('2000-01-01' AS DATE), '2000-01-01', CAST('00:00:00' AS TIME), '00:00:00.000000', "
                + "CAST('2020-03-29 02:30:00.000001' AS DATETIME(6)), '2020-03-29 02:30:00.000001')))), "
                + "'$[0]', CAST(99999999999999999999999999999999999.000000000000000000000000000000 AS DECIMAL(65,30)), "
                + "'', 'empty name', 'tab\\tkey', CAST(-0.5 AS DECIMAL(2,1))), CAST(12.3400 AS DECIMAL(10,4)))";
        List<String> rows = List.of(
                "INSERT INTO json_typed VALUES (1, " + nested + ")",
                "INSERT INTO json_typed VALUES (2, CAST(CAST(2.50 AS DECIMAL(3,2)) AS JSON))",
                "INSERT INTO json_typed VALUES (3, CAST(CAST('2021-01-01' AS DATE) AS JSON))",
                "INSERT INTO json_typed VALUES (4, '{\"plain\": [1.5, \"2020-01-01\", 10, \"10:00:00.000000\"]}')",
                "INSERT INTO json_typed VALUES (5, NULL)",
                "INSERT INTO json_typed VALUES (6, " + deep + ")",
                "INSERT INTO json_typed VALUES (7, CAST(CAST('2021-01-01 12:00:00.5' AS DATETIME(1)) AS JSON))",
                "INSERT INTO json_typed VALUES (8, CAST(CAST('-12:00:00' AS TIME) AS JSON))");
        List<String> changes = List.of(
                "INSERT INTO json_typed VALUES (9, " + deep + ")",
                "INSERT INTO json_typed VALUES (10, JSON_OBJECT('x', " + nested + "))",
                "INSERT INTO json_typed SELECT id + 10, j FROM json_typed",
                "UPDATE json_typed SET j = JSON_SET(j, '$.d', CAST(9.990 AS DECIMAL(4,3))) WHERE id = 11",
                "UPDATE json_typed SET j = JSON_OBJECT('t', CAST('10:00:00' AS TIME)) WHERE id = 14",
                "UPDATE json_typed SET j = '[1.5]' WHERE id = 12",
                "UPDATE json_typed SET j = JSON_ARRAY(j, j) WHERE id = 6",
                "UPDATE json_typed SET id = 23 WHERE id = 13",
                "DELETE FROM json_typed WHERE id = 1");
        return new FidelityTable("json_typed", "CREATE TABLE json_typed (id INT PRIMARY KEY, j JSON)", FidelityTable.STRICT,
                rows, changes);
    }

    /**
     * JSON documents holding opaque scalars (BLOB, VARBINARY, BINARY and BIT values, MySQL prints them
     * {@code "base64:typeNN:..."}) and TIMESTAMP scalars, made from the table's own columns (only a column
     * of such a type makes them), next to strings that print alike; a keyless variant finds rows by them.
     * TIMESTAMPs are taken in the source's zone (one in the hour it repeats); the destination's differs.
     */
    static FidelityTable opaqueJson(String name, boolean keyed) {
        String document = "JSON_OBJECT('b', b, 'vb', vb, 'bn', bn, 'b1', b1, 'b13', b13, 'b64', b64, 'ts', ts, "
                + "'arr', JSON_ARRAY(b, ts, JSON_OBJECT('b64', b64)), 'cast', CAST(x'00ff' AS JSON))";
        List<String> rows = List.of(
                "INSERT INTO " + name + " VALUES (1, NULL, x'00ff', x'0a0b', x'0c', b'1', b'1000000000001', 18446744073709551615, "
                        + "'2020-01-02 03:04:05.5')",
                "INSERT INTO " + name + " VALUES (2, NULL, x'', x'', x'', b'0', b'0', 0, '2026-10-25 02:30:00.5')",
                "INSERT INTO " + name + " VALUES (3, '{\"s\": \"base64:type15:AAA=\", \"b\": \"base64:type252:\", "
                        + "\"t\": \"2020-01-02 03:04:05.500000\"}', NULL, NULL, NULL, NULL, NULL, NULL, NULL)",
                "UPDATE " + name + " SET j = " + document + " WHERE id IN (1, 2)");
        List<String> changes = List.of(
                "INSERT INTO " + name + " SELECT id + 10, j, b, vb, bn, b1, b13, b64, ts FROM " + name,
                "INSERT INTO " + name + " VALUES (20, NULL, x'ff', x'ff', x'ffffff', b'1', b'1111111111111', 1, '2038-01-19 03:14:07.000001')",
                "UPDATE " + name + " SET j = " + document + " WHERE id = 20",
                "UPDATE " + name + " SET j = JSON_SET(j, '$.b', b13) WHERE id = 11",
                "UPDATE " + name + " SET j = JSON_OBJECT('x', ts) WHERE id = 12",
                "UPDATE " + name + " SET j = JSON_ARRAY(j, CAST(x'0102' AS JSON)) WHERE id = 13",
                "DELETE FROM " + name + " WHERE id = 1",
                "DELETE FROM " + name + " WHERE id = 2");
        String columns = "j JSON, b BLOB, vb VARBINARY(8), bn BINARY(3), b1 BIT(1), b13 BIT(13), b64 BIT(64), ts TIMESTAMP(6) NULL DEFAULT NULL";
        String ddl = "CREATE TABLE " + name + " (id INT" + (keyed ? " PRIMARY KEY" : "") + ", " + columns + ")";
        if (keyed) {
            return new FidelityTable(name, ddl, FidelityTable.STRICT, rows, changes);
        }
        // Keyless: the snapshot types the documents in a second read (ScannedJsonTypes); updates and deletes then find rows
        // by their full before-image, two identical rows among them.
        List<String> keylessChanges = new ArrayList<>(changes);
        keylessChanges.add("INSERT INTO " + name + " SELECT * FROM " + name + " WHERE id = 20");
        keylessChanges.add("UPDATE " + name + " SET id = 21 WHERE id = 20 LIMIT 1");
        return new FidelityTable(name, ddl, FidelityTable.STRICT, rows, keylessChanges);
    }

    static FidelityTable json() {
        return keyed("json_values", "j JSON",
                FidelityTable.STRICT,
                "(1, '{\"a\": {\"b\": [1, 2, {\"c\": null}]}, \"e\": \"\\\\u00e9😀\\\\n\", \"t\": true, \"f\": false, \"\": \"empty key\"}')",
                "(2, '[18446744073709551615, -9223372036854775808, 9007199254740993, 12345678901234567890]')",
                "(3, '[1e308, 5e-324, -0.0, 0.1, 1.7976931348623157e308, 2.2250738585072014e-308, 0.30000000000000004, -1e-7]')",
                "(4, '\"a string with \\\\\"quotes\\\\\" and \\\\\\\\ backslash\"')",
                "(5, 'null')",
                "(6, '{}')",
                "(7, '[]')",
                "(8, '9223372036854775807')",
                "(9, JSON_OBJECT('n', -0.0e0, 'u', 18446744073709551615, 'a', JSON_ARRAY(1, 2.5, 'x', NULL, TRUE)))",
                "(10, '[\"\\\\u0000\", \"\\\\u001f\", \"\\\\ud83d\\\\ude00\"]')",
                "(11, NULL)");
    }

    static FidelityTable enumsAndSets() {
        return keyed("enums_sets", "e ENUM('a','b','c ','D'), s SET('a','b','c','d'), en ENUM('x','y') NOT NULL, "
                        + "es SET('one', 'two')",
                "NO_ENGINE_SUBSTITUTION",
                "(1, 'b', 'a,c,d', 'y', 'one')",
                "(2, 'not a member', '', 'not a member', '')",
                "(3, 'c', 'a,b,c,d', 'x', 'one,two')",
                "(4, 'd', 'd,a', 'x', 'two')",
                "(5, NULL, NULL, 'x', NULL)");
    }

    static FidelityTable geometries(MySqlVersion version) {
        boolean v8 = version == MySqlVersion.V8_0;
        String columns = "g GEOMETRY, p POINT, ls LINESTRING, pg POLYGON, mp MULTIPOINT, mls MULTILINESTRING, "
                + "mpg MULTIPOLYGON, gc GEOMETRYCOLLECTION" + (v8 ? ", p4326 POINT SRID 4326" : "");
        String extra4326 = v8 ? ", ST_GeomFromText('POINT(50.1 8.7)', 4326)" : "";
        String extraNull = v8 ? ", NULL" : "";
        String projected = v8 ? "3857" : "0";
        return keyed("geometries", columns, FidelityTable.STRICT,
                "(1, ST_GeomFromText('POINT(1 2)'), ST_GeomFromText('POINT(-0.5 1e-300)'), "
                        + "ST_GeomFromText('LINESTRING(0 0, 1 1, 2 0.5)'), "
                        + "ST_GeomFromText('POLYGON((0 0, 10 0, 10 10, 0 10, 0 0), (2 2, 2 3, 3 3, 2 2))'), "
                        + "ST_GeomFromText('MULTIPOINT(1 1, 2 2)'), ST_GeomFromText('MULTILINESTRING((0 0, 1 1), (2 2, 3 3))'), "
                        + "ST_GeomFromText('MULTIPOLYGON(((0 0, 1 0, 1 1, 0 0)), ((5 5, 6 5, 6 6, 5 5)))'), "
                        + "ST_GeomFromText('GEOMETRYCOLLECTION(POINT(1 1), LINESTRING(0 0, 1 1))')" + extra4326 + ")",
                "(2, ST_GeomFromText('POLYGON((0 0, 1 0, 1 1, 0 0))', 4326), ST_GeomFromText('POINT(45 90)', 4326), "
                        + "ST_GeomFromText('LINESTRING(10 20, 11 21)', 4326), "
                        + "ST_GeomFromText('POLYGON((0 0, 0 1, 1 1, 0 0))', 4326), ST_GeomFromText('MULTIPOINT(1 2, 3 4)', 4326), "
                        + "ST_GeomFromText('MULTILINESTRING((1 1, 2 2))', 4326), "
                        + "ST_GeomFromText('MULTIPOLYGON(((0 0, 0 1, 1 1, 0 0)))', 4326), "
                        + "ST_GeomFromText('GEOMETRYCOLLECTION(POINT(1 1))', 4326)" + extra4326 + ")",
                "(3, ST_GeomFromText('GEOMETRYCOLLECTION()', " + projected + "), ST_GeomFromText('POINT(1000000 2000000)', "
                        + projected + "), ST_GeomFromText('LINESTRING(1 1, 2 2)', " + projected + "), NULL, NULL, NULL, NULL, "
                        + "ST_GeomFromText('GEOMETRYCOLLECTION(POINT(1 2), POLYGON((0 0, 1 0, 1 1, 0 0)))', " + projected + ")"
                        + extra4326 + ")",
                "(4, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL" + extraNull + ")");
    }

    static FidelityTable generated() {
        return new FidelityTable("generated_columns",
                "CREATE TABLE generated_columns (id INT PRIMARY KEY, a INT, b INT AS (a * 2) VIRTUAL, "
                        + "c VARCHAR(30) AS (CONCAT('x', a)) STORED, j JSON, k VARCHAR(20) AS (j->>'$.k') VIRTUAL)",
                FidelityTable.STRICT,
                List.of("INSERT INTO generated_columns (id, a, j) VALUES (1, 1, '{\"k\": \"v1\"}'), (2, -5, '{\"k\": 3}'), "
                        + "(3, NULL, NULL)"),
                List.of());
    }

    /**
     * A table without any key, whose rows differ only where a loose comparison would see no
     * difference: trailing spaces, letter case, trailing zero bytes, the sign of zero. Updates and
     * deletes must find the very row the source changed.
     */
    /** DECIMAL with trailing zeros, DATE, TIMEs negative and of 32 hours or more, DATETIME(6), an integral double. */
    static final String UNPAGED_TYPED_JSON = "JSON_OBJECT('d', CAST(1.50 AS DECIMAL(3,2)), 'dt', CAST('2020-02-29' AS DATE), "
            + "'t', JSON_ARRAY(CAST('-12:00:00' AS TIME), CAST('838:59:59' AS TIME), CAST('30:00:00' AS TIME), "
            + "CAST('38:00:00' AS TIME), CAST('-00:00:00.5' AS TIME(1))), "
            + "'ts', CAST('2020-03-29 02:30:00.000001' AS DATETIME(6)), 'f', 1.0e0, 'plain', JSON_ARRAY(1.5, '2020-01-01'))";

    /**
     * JSON documents with typed scalars in a table whose key Ferry cannot page by (latin1 text), read in
     * one streaming scan: two documents alike in text differ in their scalars' types.
     */
    static FidelityTable unpagedTypedJson() {
        return new FidelityTable("json_unpaged", "CREATE TABLE json_unpaged (k VARCHAR(10) CHARACTER SET latin1 PRIMARY KEY, j JSON)",
                FidelityTable.STRICT,
                List.of("INSERT INTO json_unpaged VALUES ('a', " + UNPAGED_TYPED_JSON + ")",
                        "INSERT INTO json_unpaged VALUES ('b', JSON_ARRAY(CAST(2.5 AS DECIMAL(2,1))))",
                        "INSERT INTO json_unpaged VALUES ('c', JSON_ARRAY(2.5e0))",
                        "INSERT INTO json_unpaged VALUES ('é', JSON_OBJECT('x', JSON_OBJECT('t', CAST('30:00:00' AS TIME))))",
                        "INSERT INTO json_unpaged VALUES ('n', NULL)",
                        "INSERT INTO json_unpaged VALUES ('p', '{\"plain\": [1, 2.5, \"2020-01-01\"]}')"),
                List.of("INSERT INTO json_unpaged VALUES ('z', JSON_ARRAY(CAST(0.10 AS DECIMAL(2,2))))",
                        "UPDATE json_unpaged SET j = JSON_SET(j, '$.d', CAST(9.90 AS DECIMAL(3,2))) WHERE k = 'a'",
                        "DELETE FROM json_unpaged WHERE k = 'c'"));
    }

    static FidelityTable keyless() {
        String columns = "n INT, f FLOAT, d DOUBLE, bt BIT(10), dt DATETIME(6), ts TIMESTAMP(3) NULL DEFAULT NULL, "
                + "dc DECIMAL(65,30), l VARCHAR(20) CHARACTER SET latin1, ub VARCHAR(20) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin, "
                + "vb VARBINARY(10), j JSON, e ENUM('a','b'), s SET('a','b'), g GEOMETRY, t TIME(6), y YEAR";
        String base = "1.5, 2.25, b'1010101010', '2026-10-25 02:30:00.000001', '2026-10-25 02:30:00.5', "
                + "1.000000000000000000000000000001, ";
        String tail = ", '{\"a\": 1}', 'a', 'a,b', ST_GeomFromText('POINT(1 1)'), '-01:00:00.5', 2020)";
        String zeros = ", 0, '1000-01-01 00:00:00', NULL, -0.5, NULL, 'X ', NULL, 'null', NULL, '', "
                + "ST_GeomFromText('POINT(0 0)', 4326), '838:59:59', 0)";
        List<String> rows = List.of(
                "INSERT INTO keyless VALUES (1, " + base + "'a', 'x', x'01'" + tail,
                "INSERT INTO keyless VALUES (1, " + base + "'a', 'x', x'01'" + tail,
                "INSERT INTO keyless VALUES (2, " + base + "'a', 'x', x'01'" + tail,
                "INSERT INTO keyless VALUES (2, " + base + "'a  ', 'x', x'01'" + tail,
                "INSERT INTO keyless VALUES (2, " + base + "'A', 'x', x'01'" + tail,
                "INSERT INTO keyless VALUES (2, " + base + "'a', 'X', x'01'" + tail,
                "INSERT INTO keyless VALUES (2, " + base + "'a', 'x', x'0100'" + tail,
                "INSERT INTO keyless VALUES (5, 0e0, 0e0" + zeros,
                "INSERT INTO keyless VALUES (5, -0e0, -0e0" + zeros,
                "INSERT INTO keyless VALUES (NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, "
                        + "NULL, NULL)",
                // Typed scalars in the snapshot of a table without a key; two rows alike in text, not in types.
                "INSERT INTO keyless (n, j) VALUES (60, " + UNPAGED_TYPED_JSON + ")",
                "INSERT INTO keyless (n, j) VALUES (61, JSON_ARRAY(CAST(2.5 AS DECIMAL(2,1)))), (61, JSON_ARRAY(2.5e0)), "
                        + "(61, JSON_ARRAY(1.0e0, CAST(1.0 AS DECIMAL(2,1))))");
        // Each change picks, among rows a loose comparison cannot tell apart, one that is not the first.
        List<String> changes = List.of(
                "UPDATE keyless SET n = 10 WHERE n = 1 LIMIT 1",
                "UPDATE keyless SET n = 20 WHERE n = 2 AND BINARY l = 'A'",
                "UPDATE keyless SET n = 21 WHERE n = 2 AND vb = x'0100'",
                "UPDATE keyless SET n = 22 WHERE n = 2 AND l = 'a  ' AND LENGTH(l) = 3",
                "DELETE FROM keyless WHERE n = 2 AND BINARY ub = 'X'",
                "UPDATE keyless SET n = 50 WHERE n = 5 AND ATAN2(d, -1) < 0",
                "UPDATE keyless SET n = 70, f = 3.4028234663852886e38, d = 4.9e-324, bt = b'1111111111', "
                        + "dt = '9999-12-31 23:59:59.999999', ts = '2038-01-19 03:14:07.999', dc = -1, l = 'é  ', ub = '😀', "
                        + "vb = x'0000', j = '[1e308]', e = 'b', s = '', g = ST_GeomFromText('LINESTRING(0 0, 1 1)', 4326), "
                        + "t = '-838:59:59', y = 2155 WHERE n IS NULL",
                "INSERT INTO keyless SELECT * FROM keyless WHERE n = 70",
                "UPDATE keyless SET n = 71 WHERE n = 70 LIMIT 1",
                "DELETE FROM keyless WHERE n = 10",
                // Rows found by a JSON document with typed scalars (DECIMAL, DATE): two alike, one changed, one deleted.
                "INSERT INTO keyless (n, j) VALUES (80, " + TYPED_JSON + "), (80, " + TYPED_JSON + ")",
                "UPDATE keyless SET n = 81 WHERE n = 80 LIMIT 1",
                "UPDATE keyless SET j = JSON_SET(j, '$.t', CAST('2020-01-02' AS DATE)) WHERE n = 81",
                "DELETE FROM keyless WHERE n = 80");
        return new FidelityTable("keyless", "CREATE TABLE keyless (" + columns + ")", FidelityTable.STRICT, rows, changes);
    }

    /**
     * The largest MEDIUMBLOB and 16 MiB of text: through the snapshot, then an update (before and after
     * image in one change) and an insert through the binlog.
     */
    static FidelityTable largeValues() {
        return new FidelityTable("large_values", "CREATE TABLE large_values (id INT PRIMARY KEY, mb MEDIUMBLOB, lt LONGTEXT)",
                FidelityTable.STRICT,
                List.of("INSERT INTO large_values VALUES (1, " + LARGEST_MEDIUMBLOB + ", NULL)",
                        "INSERT INTO large_values VALUES (2, x'', " + SIXTEEN_MIB_TEXT + ")",
                        "INSERT INTO large_values VALUES (3, NULL, NULL)"),
                List.of("UPDATE large_values SET mb = REVERSE(mb) WHERE id = 1",
                        "INSERT INTO large_values VALUES (4, NULL, CONCAT(" + SIXTEEN_MIB_TEXT + ", ' '))",
                        "DELETE FROM large_values WHERE id = 3"));
    }
}
