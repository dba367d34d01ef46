package dev.ferry.source.stream;

import dev.ferry.core.schema.TypedJson;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

/** Drives the formatter as the binlog library's JSON parser does. */
class JsonDocumentTextTest {

    @Test
    void aDocumentWithoutTypedScalarsStaysPlainText() {
        JsonDocumentText f = new JsonDocumentText();
        f.beginObject(2);
        f.name("a");
        f.value(1.5);
        f.nextEntry();
        f.name("s");
        f.value("2020-01-01");
        f.endObject();
        assertThat(f.value()).isEqualTo("{\"a\":1.5,\"s\":\"2020-01-01\"}");
    }

    @Test
    void typedScalarsAreRecordedWithTheirPaths() {
        JsonDocumentText f = new JsonDocumentText();
        f.beginObject(2);
        f.name("d");
        f.value(new BigDecimal("1.50"));
        f.nextEntry();
        f.name("k\"\\ey");
        f.beginArray(3);
        f.value(1L);
        f.nextEntry();
        f.valueDate(2020, 2, 29);
        f.nextEntry();
        f.beginArray(1);
        f.value(new BigDecimal("0.05"));
        f.endArray();
        f.endArray();
        f.endObject();
        TypedJson typed = TypedJson.decode(f.value());
        assertThat(typed.document()).isEqualTo("{\"d\":1.50,\"k\\\"\\\\ey\":[1,\"2020-02-29\",[0.05]]}");
        assertThat(typed.scalars()).containsExactly(
                new TypedJson.Scalar("$.\"d\"", "DECIMAL(3,2)", "1.50"),
                new TypedJson.Scalar("$.\"k\\\"\\\\ey\"[1]", "DATE", "2020-02-29"),
                new TypedJson.Scalar("$.\"k\\\"\\\\ey\"[2][0]", "DECIMAL(2,2)", "0.05"));
    }

    @Test
    void aRootScalarAndTheLibrarysOverflowedMinute() {
        JsonDocumentText f = new JsonDocumentText();
        // 9999-12-31 23:59:59.999999 as the library hands it on: the minute overflowed to -5
        f.valueDatetime(9999, 12, 31, 23, -5, 59, 999_999);
        assertThat(TypedJson.decode(f.value()).scalars())
                .containsExactly(new TypedJson.Scalar("$", "DATETIME(6)", "9999-12-31 23:59:59.999999"));
        JsonDocumentText time = new JsonDocumentText();
        time.valueTime(838, 59, 59, 0);
        assertThat(TypedJson.decode(time.value()).scalars()).containsExactly(new TypedJson.Scalar("$", "TIME(6)", "838:59:59.000000"));
    }
}
