package dev.ferry.sink.write;

import dev.ferry.core.TableId;
import dev.ferry.core.schema.ColumnDef;
import dev.ferry.core.schema.TypedJson;
import dev.ferry.sink.TestTables;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class JsonScalarFunctionsTest {
    private static final TableId TABLE = new TableId("shop", "docs");
    private static final ColumnDef DOC = TestTables.column("doc", "json", "json");
    private final JsonScalarFunctions functions = new JsonScalarFunctions("ferry");

    private TypedJson.Scalar made(TypedJson.Scalar scalar) {
        return functions.made(TABLE, DOC, scalar);
    }

    @Test
    void scalarsTheDestinationMakesGetTheStateDatabase() {
        assertThat(made(TypedJson.Scalar.opaque("$", 252, new byte[] {1})).type()).isEqualTo("OPAQUE(252)@ferry");
        assertThat(made(TypedJson.Scalar.opaque("$", 15, new byte[] {1})).type()).isEqualTo("OPAQUE(15)@ferry");
        assertThat(made(TypedJson.Scalar.opaque("$", 254, new byte[255])).type()).isEqualTo("OPAQUE(254)@ferry");
        assertThat(made(TypedJson.Scalar.opaque("$", 16, new byte[8])).type()).isEqualTo("OPAQUE(16)@ferry");
        assertThat(made(TypedJson.Scalar.timestamp("$", "2038-01-19 03:14:07.999999")).type()).isEqualTo("TIMESTAMP(6)@ferry");
        TypedJson.Scalar decimal = new TypedJson.Scalar("$", "DECIMAL(3,2)", "1.50");
        assertThat(made(decimal)).isSameAs(decimal);
    }

    @Test
    void scalarsNoExpressionMakesGetTheNearestTypeWithTheSameValue() {
        assertThat(made(TypedJson.Scalar.opaque("$", 249, new byte[] {1}))).isEqualTo(new TypedJson.Scalar("$", "OPAQUE(252)@ferry", "01"));
        assertThat(made(TypedJson.Scalar.opaque("$", 253, new byte[] {1}))).isEqualTo(new TypedJson.Scalar("$", "OPAQUE(15)@ferry", "01"));
        assertThat(made(TypedJson.Scalar.opaque("$", 13, new byte[] {0x32}))).isEqualTo(new TypedJson.Scalar("$", "OPAQUE(15)@ferry", "32"));
        assertThat(made(TypedJson.Scalar.opaque("$", 16, new byte[9])).type()).isEqualTo("OPAQUE(15)@ferry");
        assertThat(made(TypedJson.Scalar.opaque("$", 15, new byte[65536])).type()).isEqualTo("OPAQUE(252)@ferry");
        assertThat(made(TypedJson.Scalar.timestamp("$", "2038-01-19 04:00:00.000000")))
                .isEqualTo(new TypedJson.Scalar("$", "DATETIME(6)", "2038-01-19 04:00:00.000000"));
    }
}
