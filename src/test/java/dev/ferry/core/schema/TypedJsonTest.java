package dev.ferry.core.schema;

import dev.ferry.core.sql.SqlBuilder;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TypedJsonTest {

    @Test
    void withoutTypedScalarsTheValueIsTheDocument() {
        assertThat(TypedJson.valueOf("[1.5]", List.of())).isEqualTo("[1.5]");
        assertThat(TypedJson.isEncoded("[1.5]")).isFalse();
        assertThat(TypedJson.isEncoded("")).isFalse();
        assertThat(TypedJson.isEncoded(null)).isFalse();
    }

    @Test
    void encodesAndDecodesPathsHoldingAnyCharacter() {
        List<TypedJson.Scalar> scalars = List.of(new TypedJson.Scalar("$.\"a:b\\u0000\"[1]", "DECIMAL(65,30)", "-1.5"),
                new TypedJson.Scalar("$", "DATE", "0000-00-00"));
        String encoded = TypedJson.valueOf("{\"x\": 12:3}", scalars);
        assertThat(TypedJson.isEncoded(encoded)).isTrue();
        assertThat(TypedJson.decode(encoded)).isEqualTo(new TypedJson("{\"x\": 12:3}", scalars));
    }

    @Test
    void theExpressionSetsEachScalarWithQuotedLiterals() {
        TypedJson typed = new TypedJson("{\"d\":1.50}", List.of(new TypedJson.Scalar("$.\"it's\"", "DECIMAL(3,2)", "1.50"),
                new TypedJson.Scalar("$[0]", "TIME(6)", "10:00:00.000000")));
        assertThat(typed.appendExpression(new SqlBuilder()).toString()).isEqualTo(
                "JSON_SET(CAST(? AS JSON), '$.\"it''s\"', CAST('1.50' AS DECIMAL(3,2)), '$[0]', CAST('10:00:00.000000' AS TIME(6)))");
    }

    @Test
    void onlyKnownTypesAreAccepted() {
        assertThatThrownBy(() -> new TypedJson.Scalar("$", "CHAR) AS JSON), (SELECT 1", "x"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TypedJson.decode("\u00001:1:$4:DATE")).isInstanceOf(RuntimeException.class);
    }

    @Test
    void timestampAndOpaqueScalarsAreMadeByTheDestinationsFunctions() {
        TypedJson typed = new TypedJson("[]", List.of(
                TypedJson.Scalar.timestamp("$[0]", "2038-01-19 03:14:07.500000").withFunctionDatabase("st`ate"),
                TypedJson.Scalar.opaque("$[1]", 252, new byte[] {0, (byte) 0xff}).withFunctionDatabase("ferry"),
                TypedJson.Scalar.opaque("$[2]", 16, new byte[] {0x10, 1}).withFunctionDatabase("ferry"),
                TypedJson.Scalar.opaque("$[3]", 254, new byte[] {0x0c, 0, 0}).withFunctionDatabase("ferry"),
                TypedJson.Scalar.opaque("$[4]", 15, new byte[] {1}).withFunctionDatabase("ferry")));
        assertThat(TypedJson.decode(TypedJson.valueOf("[]", typed.scalars()))).isEqualTo(typed);
        assertThat(typed.appendExpression(new SqlBuilder()).toString()).isEqualTo("JSON_SET(CAST(? AS JSON), "
                + "'$[0]', `st``ate`.`ferry_json_timestamp`(CAST('2038-01-19 03:14:07.500000' AS DATETIME(6))), "
                + "'$[1]', `ferry`.`ferry_json_blob`(UNHEX('00FF')), "
                + "'$[2]', `ferry`.`ferry_json_bit_2`(CAST(CONV('1001', 16, 10) AS UNSIGNED)), "
                + "'$[3]', `ferry`.`ferry_json_binary_3`(UNHEX('0C0000')), "
                + "'$[4]', `ferry`.`ferry_json_varbinary`(UNHEX('01')))");
        assertThat(JsonScalarFunction.of(typed.scalars().get(2)).createStatement())
                .isEqualTo("CREATE FUNCTION `ferry`.`ferry_json_bit_2`(v BIGINT UNSIGNED) RETURNS BIT(16) DETERMINISTIC NO SQL RETURN v");
    }

    @Test
    void aFunctionScalarWithoutTheDestinationsDatabaseIsRefused() {
        TypedJson typed = new TypedJson("[]", List.of(TypedJson.Scalar.opaque("$[0]", 252, new byte[] {1})));
        assertThatThrownBy(() -> typed.appendExpression(new SqlBuilder())).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("$[0]");
        assertThatThrownBy(() -> new TypedJson.Scalar("$", "OPAQUE(256)", "")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void whatTheDestinationCanMake() {
        assertThat(JsonScalarFunction.makesOpaque(252, 70000)).isTrue();
        assertThat(JsonScalarFunction.makesOpaque(249, 1)).isFalse();
        assertThat(JsonScalarFunction.makesOpaque(16, 8)).isTrue();
        assertThat(JsonScalarFunction.makesOpaque(16, 9)).isFalse();
        assertThat(JsonScalarFunction.makesOpaque(253, 1)).isFalse();
        assertThat(JsonScalarFunction.makesOpaque(15, 65535)).isTrue();
        assertThat(JsonScalarFunction.makesOpaque(15, 65536)).isFalse();
        assertThat(JsonScalarFunction.makesTimestamp("1970-01-01 00:00:01.000000")).isTrue();
        assertThat(JsonScalarFunction.makesTimestamp("1970-01-01 00:00:00.999999")).isFalse();
        assertThat(JsonScalarFunction.makesTimestamp("2038-01-19 03:14:08.000000")).isFalse();
    }
}
