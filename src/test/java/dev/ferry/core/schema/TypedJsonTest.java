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
}
